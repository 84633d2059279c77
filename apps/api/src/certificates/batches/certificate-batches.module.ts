import { Module } from '@nestjs/common';
import { CohortsModule } from '../../cohorts/cohorts.module.js';
import { CertificatesModule } from '../certificates.module.js';
import { CertificateBatchWorker } from './certificate-batch.worker.js';
import { CertificateBatchesController } from './certificate-batches.controller.js';
import { CertificateBatchesService } from './certificate-batches.service.js';

/** Issuing to every eligible learner of a course, or of one of its cohorts, as a background job with a report (issues 7, 8). */
@Module({
  imports: [CertificatesModule, CohortsModule],
  controllers: [CertificateBatchesController],
  providers: [CertificateBatchesService, CertificateBatchWorker],
})
export class CertificateBatchesModule {}

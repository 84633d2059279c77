import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates.module.js';
import { CertificateBatchWorker } from './certificate-batch.worker.js';
import { CertificateBatchesController } from './certificate-batches.controller.js';
import { CertificateBatchesService } from './certificate-batches.service.js';

/** Issuing to every eligible learner of a course as a background job with a report (issue 7). */
@Module({
  imports: [CertificatesModule],
  controllers: [CertificateBatchesController],
  providers: [CertificateBatchesService, CertificateBatchWorker],
})
export class CertificateBatchesModule {}

import { Module } from '@nestjs/common';

/** Issuing to every eligible learner of a course as a background job with a report (issue 7). */
@Module({})
export class CertificateBatchesModule {}

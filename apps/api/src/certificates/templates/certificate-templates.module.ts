import { Module } from '@nestjs/common';

/** Per-course certificate settings, versioned templates and the PDF renderer (issue 7). */
@Module({})
export class CertificateTemplatesModule {}

import { Module } from '@nestjs/common';

/**
 * SCORM packages: upload and import (ADR 0015), storage, the scorm activity kind and serving the
 * package files to those who may play them (ADR 0016).
 */
@Module({})
export class ScormPackagesModule {}

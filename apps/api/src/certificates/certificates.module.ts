import { Module } from '@nestjs/common';

/** Issuer keys, issuing, revocation, the status list and public verification (issue 7, ADR 0017). */
@Module({})
export class CertificatesModule {}

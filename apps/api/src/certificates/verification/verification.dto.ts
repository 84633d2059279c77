import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../issuing/certificate-status.js';

export class IssuerRef {
  @ApiProperty({ example: 'Archipelago' })
  name!: string;

  @ApiProperty({ example: 'https://learn.example.org' })
  url!: string;
}

/** What anyone may learn from a certificate code: the certificate, and nothing else about the learner. */
export class VerificationView {
  @ApiProperty({ example: '7K3M-Q9PX-2D4R-HT6W' })
  code!: string;

  @ApiProperty({ enum: CERTIFICATE_STATUSES, enumName: 'CertificateStatus' })
  status!: CertificateStatus;

  @ApiProperty()
  learnerName!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty()
  institutionName!: string;

  @ApiProperty({ format: 'date-time' })
  completedAt!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Only when the administrator who revoked it chose to show it.',
  })
  revocationReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt!: string | null;

  @ApiProperty({ type: IssuerRef })
  issuer!: IssuerRef;

  @ApiProperty({ example: '/api/verify/7K3M-Q9PX-2D4R-HT6W/credential' })
  credentialUrl!: string;

  @ApiProperty({ example: '/api/verify/7K3M-Q9PX-2D4R-HT6W/pdf' })
  pdfUrl!: string;
}

/** A VCDM 2.0 enveloped credential: the signed VC-JWT as a data: URL. */
export class EnvelopedCredential {
  @ApiProperty({ example: 'https://www.w3.org/ns/credentials/v2' })
  '@context'!: string;

  @ApiProperty({ example: 'data:application/vc+jwt,eyJhbGciOiJFZERTQSIs…' })
  id!: string;

  @ApiProperty({ example: 'EnvelopedVerifiableCredential' })
  type!: string;
}

export class PublicJwk {
  @ApiProperty({ example: 'OKP' })
  kty!: string;

  @ApiProperty({ example: 'Ed25519' })
  crv!: string;

  @ApiProperty()
  x!: string;

  @ApiProperty({ description: 'RFC 7638 thumbprint; what a credential header names.' })
  kid!: string;

  @ApiProperty({ example: 'EdDSA' })
  alg!: string;

  @ApiProperty({ example: 'sig' })
  use!: string;
}

export class JwksView {
  @ApiProperty({ type: [PublicJwk], description: 'The current key and every retired one.' })
  keys!: PublicJwk[];
}

export class IssuerProfileView {
  @ApiProperty({ type: [String] })
  '@context'!: string[];

  @ApiProperty()
  id!: string;

  @ApiProperty({ type: [String], example: ['Profile'] })
  type!: string[];

  @ApiProperty()
  name!: string;

  @ApiProperty()
  url!: string;
}

export class KeyRotationView {
  @ApiProperty({ description: 'The new current key.' })
  kid!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The key it replaced (still published).' })
  retiredKid!: string | null;
}

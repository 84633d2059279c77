import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/page.dto.js';
import { ReasonField } from '../reason-field.js';
import { PrintableLine, trim } from '../../common/validation/text-rules.js';
import {
  CERTIFICATE_STATES,
  CERTIFICATE_STATUSES,
  type CertificateState,
  type CertificateStatus,
} from './certificate-status.js';

const ISSUE_SOURCES = ['automatic', 'admin', 'batch', 'reissue'] as const;

export class PersonRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

/** A certificate as its administrators see it. */
export class CertificateAdminView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '7K3M-Q9PX-2D4R-HT6W',
    description: 'Null while pending.',
  })
  code!: string | null;

  @ApiProperty({ enum: CERTIFICATE_STATES, enumName: 'CertificateState' })
  state!: CertificateState;

  @ApiProperty({
    enum: CERTIFICATE_STATUSES,
    enumName: 'CertificateStatus',
    nullable: true,
    description: 'For issued certificates only.',
  })
  status!: CertificateStatus | null;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'The name printed on the certificate.' })
  learnerName!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null when the account is gone.' })
  learnerEmail!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  issuedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason!: string | null;

  @ApiProperty({ description: 'Whether the verification page shows the revocation reason.' })
  revocationReasonPublic!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The certificate that replaced it.',
  })
  supersededBy!: string | null;

  @ApiProperty({ enum: ISSUE_SOURCES })
  issueSource!: (typeof ISSUE_SOURCES)[number];

  @ApiProperty({ type: String, nullable: true })
  issueReason!: string | null;

  @ApiProperty({ type: PersonRef, nullable: true })
  issuedBy!: PersonRef | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declinedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  declineReason!: string | null;

  @ApiProperty({ description: 'The template version it was (or will be) drawn with.' })
  templateVersion!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  pdfUrl!: string | null;

  @ApiProperty({ type: String, nullable: true })
  verificationUrl!: string | null;
}

export class CertificateAdminPage extends PageMeta {
  @ApiProperty({ type: [CertificateAdminView] })
  items!: CertificateAdminView[];
}

export class CertificateListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATES, enumName: 'CertificateState' })
  @IsOptional()
  @IsIn(CERTIFICATE_STATES, { message: `state must be one of ${CERTIFICATE_STATES.join(', ')}` })
  state?: CertificateState;

  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES, enumName: 'CertificateStatus' })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES, { message: `status must be one of ${CERTIFICATE_STATUSES.join(', ')}` })
  status?: CertificateStatus;

  @ApiPropertyOptional({ description: "Part of the learner's name, e-mail address or the code." })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class EligibleQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class EligibleLearner {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: not completed yet.' })
  completedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Their live (pending or issued) certificate, if any.',
  })
  certificateId!: string | null;
}

export class EligibleLearnerList {
  @ApiProperty({ type: [EligibleLearner], description: 'At most 200, completed first.' })
  items!: EligibleLearner[];
}

export class IssueCertificateRequest {
  @ApiProperty({ format: 'uuid', description: 'The learner.' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;

  @ReasonField('Why it is issued by hand; kept in the audit log.')
  reason!: string;
}

export class DeclineCertificateRequest {
  @ReasonField()
  reason!: string;
}

export class RevokeCertificateRequest {
  @ReasonField()
  reason!: string;

  @ApiProperty({ description: 'Show the reason on the public verification page.' })
  @IsBoolean({ message: 'reasonPublic must be true or false' })
  reasonPublic!: boolean;
}

export class ReissueCertificateRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The corrected name to print.' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'learnerName must not be empty' })
  @MaxLength(200)
  @PrintableLine('learnerName')
  learnerName!: string;

  @ReasonField()
  reason!: string;
}

/** One of the signed-in learner's certificates. */
export class MyCertificate {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '7K3M-Q9PX-2D4R-HT6W',
    description: 'Null while pending.',
  })
  code!: string | null;

  @ApiProperty({ enum: CERTIFICATE_STATES, enumName: 'CertificateState' })
  state!: CertificateState;

  @ApiProperty({ enum: CERTIFICATE_STATUSES, enumName: 'CertificateStatus', nullable: true })
  status!: CertificateStatus | null;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseSlug!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  issuedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supersededAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  verificationUrl!: string | null;

  @ApiProperty({ type: String, nullable: true })
  credentialUrl!: string | null;

  @ApiProperty({ type: String, nullable: true })
  pdfUrl!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "LinkedIn's add-to-profile link." })
  linkedInUrl!: string | null;
}

export class MyCertificateList {
  @ApiProperty({ type: [MyCertificate] })
  items!: MyCertificate[];
}

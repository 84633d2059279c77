import type { Schemas } from '@archipelago/api-client';

/* The shapes of the certificate routes, from the typed client. */

export type CertificateSettings = Schemas['CertificateSettingsBody'];
export type IssueMode = CertificateSettings['issueMode'];
export type Signatory = Schemas['SignatoryBody'];
/** What a template version says: the body of a save or a preview. */
export type TemplateContent = Schemas['TemplateContentBody'];
export type TemplateLanguage = TemplateContent['language'];
export type Orientation = TemplateContent['orientation'];
export type CertificateTemplateView = Schemas['CertificateTemplateResponse'];
export type CertificateAdminView = Schemas['CertificateAdminView'];
export type CertificateState = CertificateAdminView['state'];
export type CertificateStatus = NonNullable<CertificateAdminView['status']>;
export type EligibleLearner = Schemas['EligibleLearner'];

export type BatchView = Schemas['BatchResponse'];
export type BatchDetail = Schemas['BatchReport'];
export type BatchStatus = BatchView['status'];
export type BatchOutcome = Schemas['BatchItemResponse']['outcome'];

export const CERTIFICATE_STATES: CertificateState[] = ['pending', 'issued', 'declined'];
export const CERTIFICATE_STATUSES: CertificateStatus[] = ['valid', 'revoked', 'superseded', 'expired'];
export const TEMPLATE_LANGUAGES: TemplateLanguage[] = ['en', 'es', 'fr'];
export const ORIENTATIONS: Orientation[] = ['landscape', 'portrait'];
export const MAX_LOGOS = 3;
export const MAX_SIGNATORIES = 3;

/** Placeholders a template's title and body may use, in the order the insert buttons show them. */
export const PLACEHOLDERS = [
  'learnerName',
  'courseTitle',
  'hours',
  'completionDate',
  'cohort',
  'institution',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Where the API serves an uploaded file, for showing logos and signatures. */
export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

/** A code as printed: XXXX-XXXX-XXXX-XXXX. */
export const displayCode = (code: string) => code.replace(/-/g, '').replace(/(.{4})(?=.)/g, '$1-');

/*
 * The shapes of the certificate routes (issue 7's contract), until the typed client has them.
 */

export type TemplateLanguage = 'en' | 'es' | 'fr';
export type Orientation = 'landscape' | 'portrait';
export type IssueMode = 'automatic' | 'approval';

export interface CertificateSettings {
  enabled: boolean;
  issueMode: IssueMode;
  validityMonths: number | null;
}

export interface Signatory {
  name: string;
  title: string;
  signatureFileId: string | null;
}

/** What a template version says: the body of a save or a preview. */
export interface TemplateContent {
  title: string;
  body: string;
  language: TemplateLanguage;
  orientation: Orientation;
  logoFileIds: string[];
  signatories: Signatory[];
}

export interface CertificateTemplateView extends TemplateContent {
  id: string;
  courseId: string;
  version: number;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export type CertificateState = 'pending' | 'issued' | 'declined';
export type CertificateStatus = 'valid' | 'revoked' | 'superseded' | 'expired';

export interface CertificateAdminView {
  id: string;
  code: string | null;
  state: CertificateState;
  status: CertificateStatus | null;
  userId: string;
  learnerName: string;
  learnerEmail: string;
  issuedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  revocationReasonPublic: boolean;
  supersededAt: string | null;
  supersededBy: string | null;
  issueSource: 'automatic' | 'admin' | 'batch';
  issueReason: string | null;
  issuedBy: { id: string; name: string } | null;
  templateVersion: number;
  createdAt: string;
  pdfUrl: string | null;
  verificationUrl: string | null;
}

export interface EligibleLearner {
  userId: string;
  name: string;
  email: string;
  completedAt: string | null;
  certificateId: string | null;
}

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';
export type BatchOutcome =
  | 'issued'
  | 'pending_approval'
  | 'already_has_one'
  | 'not_completed'
  | 'not_enrolled'
  | 'disabled'
  | 'failed';

export interface BatchView {
  id: string;
  courseId: string;
  status: BatchStatus;
  total: number | null;
  processed: number;
  issued: number;
  skipped: number;
  reason: string;
  requestedBy: { id: string; name: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface BatchDetail extends BatchView {
  items: { userId: string; learnerName: string; outcome: BatchOutcome; certificateId: string | null }[];
}

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

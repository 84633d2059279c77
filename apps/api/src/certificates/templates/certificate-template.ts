/** Who signs a certificate; the signature image is an uploaded PNG or JPEG of the course's institution. */
export interface Signatory {
  name: string;
  title: string;
  signatureFileId: string | null;
}

export const TEMPLATE_LANGUAGES = ['en', 'es', 'fr'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const TEMPLATE_ORIENTATIONS = ['landscape', 'portrait'] as const;
export type TemplateOrientation = (typeof TEMPLATE_ORIENTATIONS)[number];

/** One immutable version of a course's certificate template (issue 7). */
export interface CertificateTemplateView {
  id: string;
  courseId: string;
  version: number;
  title: string;
  body: string;
  language: TemplateLanguage;
  orientation: TemplateOrientation;
  logoFileIds: string[];
  signatories: Signatory[];
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

/** What a template version says, without who saved it when. */
export type TemplateContent = Pick<
  CertificateTemplateView,
  'title' | 'body' | 'language' | 'orientation' | 'logoFileIds' | 'signatories'
>;

export const MAX_LOGOS = 3;
export const MAX_SIGNATORIES = 3;
export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 2000;
export const MAX_SIGNATORY_NAME_LENGTH = 120;
export const MAX_SIGNATORY_TITLE_LENGTH = 160;

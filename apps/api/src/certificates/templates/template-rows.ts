import type {
  CertificateTemplateView,
  Signatory,
  TemplateLanguage,
  TemplateOrientation,
} from './certificate-template.js';

/** certificate_template joined with its author's name, as the queries below select it. */
export interface TemplateRow {
  id: string;
  course_id: string;
  version: number;
  title: string;
  body: string;
  language: TemplateLanguage;
  orientation: TemplateOrientation;
  logo_file_ids: string[];
  signatories: Signatory[];
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

export const TEMPLATE_COLUMNS = `t.id, t.course_id, t.version, t.title, t.body, t.language, t.orientation,
  t.logo_file_ids, t.signatories, t.created_at, t.created_by, u.display_name AS created_by_name`;

export const TEMPLATE_FROM = `certificate_template t LEFT JOIN user_account u ON u.id = t.created_by`;

export const templateView = (row: TemplateRow): CertificateTemplateView => ({
  id: row.id,
  courseId: row.course_id,
  version: row.version,
  title: row.title,
  body: row.body,
  language: row.language,
  orientation: row.orientation,
  logoFileIds: row.logo_file_ids,
  signatories: row.signatories.map((s) => ({
    name: s.name,
    title: s.title,
    signatureFileId: s.signatureFileId ?? null,
  })),
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by === null ? null : { id: row.created_by, name: row.created_by_name ?? '' },
});

/*
 * The shapes of the DGCA framework routes (DgcaFrameworksModule, issue 9). A framework is edited as
 * a draft version and frozen once published, so assessments taken on it never change.
 */

export type VersionStatus = 'draft' | 'published';
export type FrameworkLanguage = 'en' | 'es' | 'fr';

export interface ScaleLevel {
  value: number;
  label: string;
  description?: string | null;
}

export interface FrameworkSummary {
  id: string;
  name: string;
  description: string;
  published: { versionId: string; number: number; publishedAt: string } | null;
  draft: { versionId: string; number: number; revision: number } | null;
  assessments: number;
}

export interface FrameworkVersionRow {
  versionId: string;
  number: number;
  status: VersionStatus;
  publishedAt: string | null;
  assessments: number;
}

export interface FrameworkView extends FrameworkSummary {
  versions: FrameworkVersionRow[];
}

export interface Recommendation {
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  moduleId: string | null;
  moduleTitle: string | null;
}

export interface StatementView {
  id: string;
  text: string;
  guidance: string;
  position: number;
}

export interface DimensionView {
  id: string;
  key: string;
  name: string;
  description: string;
  position: number;
  statements: StatementView[];
  recommendations: Recommendation[];
}

export interface VersionView {
  id: string;
  frameworkId: string;
  frameworkName: string;
  number: number;
  status: VersionStatus;
  revision: number;
  language: FrameworkLanguage;
  scale: ScaleLevel[];
  dimensions: DimensionView[];
  publishedAt: string | null;
}

/** What `PUT framework-versions/:id` replaces a draft's content with. */
export interface VersionContent {
  language: FrameworkLanguage;
  scale: { value: number; label: string; description?: string }[];
  dimensions: {
    key: string;
    name: string;
    description?: string;
    statements: { text: string; guidance?: string }[];
    recommendations: { courseId: string; moduleId?: string }[];
  }[];
}

import type { VersionStatus } from './framework-version.entity.js';
import type { ScaleLevel } from './scale.js';

/** A course or one of its modules recommended for a dimension, with titles as learners see them. */
export interface Recommendation {
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  moduleId: string | null;
  moduleTitle: string | null;
}

export interface ContentStatement {
  id: string;
  text: string;
  guidance: string;
  position: number;
}

export interface ContentDimension {
  id: string;
  key: string;
  name: string;
  description: string;
  position: number;
  statements: ContentStatement[];
  recommendations: Recommendation[];
}

/** Everything an assessment needs from the framework version it is taken on. */
export interface FrameworkContent {
  versionId: string;
  frameworkId: string;
  frameworkName: string;
  number: number;
  status: VersionStatus;
  language: string;
  revision: number;
  publishedAt: Date | null;
  /** Ascending by value. */
  scale: ScaleLevel[];
  min: number;
  max: number;
  dimensions: ContentDimension[];
  statementCount: number;
}

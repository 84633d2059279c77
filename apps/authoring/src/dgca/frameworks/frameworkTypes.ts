import type { Schemas } from '@archipelago/api-client';

/*
 * The shapes of the DGCA framework routes (DgcaFrameworksModule, issue 9), as the generated client
 * names them. A framework is edited as a draft version and frozen once published, so assessments
 * taken on it never change.
 */

export type FrameworkLanguage = Schemas['FrameworkLanguage'];
export type ScaleLevel = Schemas['FrameworkScaleLevel'];
export type FrameworkSummary = Schemas['FrameworkSummary'];
export type FrameworkVersionRow = Schemas['FrameworkVersionRow'];
export type FrameworkView = Schemas['FrameworkView'];
export type Recommendation = Schemas['FrameworkRecommendationView'];
export type VersionView = Schemas['FrameworkVersionView'];

/** What `PUT framework-versions/:id` replaces a draft's content with. */
export interface VersionContent {
  language: FrameworkLanguage;
  scale: Schemas['FrameworkScaleLevelInput'][];
  dimensions: Schemas['FrameworkDimensionInput'][];
}

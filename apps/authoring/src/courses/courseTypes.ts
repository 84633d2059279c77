import type { Schemas } from '@archipelago/api-client';

export type CourseDetail = Schemas['CourseDetail'];
export type CourseSummary = Schemas['CourseSummary'];
export type OutlineModule = Schemas['OutlineModule'];
export type OutlineActivity = Schemas['OutlineActivity'];
export type CourseLanguage = Schemas['CourseLanguage'];
export type CourseStatus = Schemas['CourseStatus'];
export type EnrolmentMode = Schemas['EnrolmentMode'];

export const LANGUAGES: CourseLanguage[] = ['en', 'es', 'fr'];
export const STATUSES: CourseStatus[] = ['draft', 'published', 'archived'];
export const ENROLMENT_MODES: EnrolmentMode[] = ['open', 'invitation', 'cohort'];
/** The Sustainable Development Goals, numbered 1 to 17. */
export const SDGS = Array.from({ length: 17 }, (_, index) => index + 1);

/**
 * The course a 409 answer carries as `current`: the API sends the course as it now is, so the
 * author sees what someone else saved instead of overwriting it.
 */
export function currentCourseOf(error: unknown): CourseDetail | undefined {
  if (typeof error !== 'object' || error === null || !('current' in error)) return undefined;
  const current = (error as { current: unknown }).current;
  return typeof current === 'object' && current !== null && 'revision' in current
    ? (current as CourseDetail)
    : undefined;
}

/** An address slug suggested from a title: "Digital Government: Basics" → "digital-government-basics". */
export function suggestSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

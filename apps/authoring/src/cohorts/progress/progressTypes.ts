import type { Schemas } from '@archipelago/api-client';

/* The shapes of the cohort progress routes (CohortProgressController), from the typed client. */

export type CohortView = Schemas['CohortView'];
export type ProgressPage = Schemas['CohortProgressPage'];
export type LearnerProgress = Schemas['LearnerProgress'];
export type CourseProgress = Schemas['CourseProgress'];
export type ProgressSummary = Schemas['ProgressCounts'];
export type ReminderAudience = Schemas['ReminderAudience'];
export type ReminderBody = Schemas['ReminderRequest'];
export type ReminderPreview = Schemas['ReminderPreview'];

/** The status filter: the summary's counts, each one a filter. */
export type StatusFilter = Schemas['CohortProgressFilter'];
export const STATUS_FILTERS: StatusFilter[] = ['not_started', 'in_progress', 'behind', 'completed'];

export type SortKey = Schemas['CohortProgressSort'];
export type SortOrder = 'asc' | 'desc';

/**
 * The sort choices as the address writes them: the key, or the key after a minus sign for the
 * other way round ("-progress": most progress first). One select, so each choice reads as a phrase.
 */
export const SORT_CHOICES = [
  'name',
  '-name',
  'progress',
  '-progress',
  '-lastActivity',
  'lastActivity',
] as const;
export type SortChoice = (typeof SORT_CHOICES)[number];

/** The longest optional message a reminder may carry, as the API allows. */
export const MAX_MESSAGE_LENGTH = 2000;

/*
 * The action plan's shapes as the API sends them (issue 9 contract, DgcaActionsModule). Kept here
 * until the generated client names them; the API's DTOs are the source of truth.
 */

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'on-hold', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Impact and do-ability (feasibility) are rated 1 (low) to 3 (high). */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export type PriorityBand = 'high' | 'medium' | 'low';

export interface ActionUpdate {
  id: string;
  /** Null once the author's account is gone. */
  author: { displayName: string } | null;
  status: ActionStatus | null;
  progress: number | null;
  comment: string;
  createdAt: string;
}

export interface ActionView {
  id: string;
  assessmentId: string;
  dimensionKey: string;
  dimensionName: string;
  title: string;
  description: string;
  owner: string;
  /** Calendar days, YYYY-MM-DD. */
  startsOn: string | null;
  endsOn: string | null;
  resources: string;
  indicator: string;
  target: string;
  impact: number;
  feasibility: number;
  priority: { score: number; band: PriorityBand };
  status: ActionStatus;
  progress: number;
  revision: number;
  /** Newest first. */
  updates: ActionUpdate[];
  createdAt: string;
  updatedAt: string;
}

/** What the action form sends, on creating and on editing. */
export interface ActionFields {
  dimensionKey: string;
  title: string;
  description: string;
  owner: string;
  startsOn: string | null;
  endsOn: string | null;
  resources: string;
  indicator: string;
  target: string;
  impact: number;
  feasibility: number;
  status: ActionStatus;
  progress: number;
}

export interface ProgressFields {
  comment: string;
  status?: ActionStatus;
  progress?: number;
}

/** A dimension of the assessment's framework version, in the framework's order. */
export interface PlanDimension {
  key: string;
  name: string;
}

export type AssessmentStatus = 'draft' | 'individual' | 'consensus' | 'completed';

/** What the page needs to know about the assessment the plan belongs to. */
export interface PlanAssessment {
  id: string;
  title: string;
  status: AssessmentStatus;
  dimensions: PlanDimension[];
}

/** Actions may be written once the team has agreed its ratings: from the consensus round on. */
export const planIsOpen = (status: AssessmentStatus) => status === 'consensus' || status === 'completed';

export const VIEWS = ['list', 'roadmap', 'matrix'] as const;
export type PlanView = (typeof VIEWS)[number];

export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

import type { Schemas } from '@archipelago/api-client';

/* The action plan's shapes as the generated client names them (DgcaActionsModule). */

export const ACTION_STATUSES: ActionStatus[] = ['planned', 'in-progress', 'done', 'on-hold', 'cancelled'];
export type ActionStatus = Schemas['DgcaActionStatus'];

/** Impact and do-ability (feasibility) are rated 1 (low) to 3 (high). */
export const LEVELS = [1, 2, 3] as const;

export type PriorityBand = Schemas['DgcaPriorityBand'];
/** Updates newest first; dates YYYY-MM-DD. */
export type ActionView = Schemas['ActionView'];

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

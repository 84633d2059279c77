import type { Schemas } from '@archipelago/api-client';

/* The shapes of the DGCA assessment routes (DgcaAssessmentsModule, issue 9), as the Studio shows them. */

export type AssessmentStatus = Schemas['AssessmentStatus'];
export const ASSESSMENT_STATUSES: AssessmentStatus[] = ['draft', 'individual', 'consensus', 'completed'];
export type AssessmentSubject = Schemas['AssessmentSubject'];

export type AssessmentSummary = Schemas['AssessmentSummary'];
export type AssessmentView = Schemas['AssessmentView'];
export type ParticipantRow = Schemas['ParticipantView'];
export type InviteeRow = Schemas['InviteeView'];
export type ParticipantsView = Schemas['ParticipantsView'];
export type AddOutcome = Schemas['AddParticipantOutcome'];

/** The settings a manager edits; dates `YYYY-MM-DD`, null clears them. */
export interface AssessmentSettings {
  title: string;
  description: string;
  startsOn: string | null;
  individualDueOn: string | null;
  consensusOn: string | null;
  previousAssessmentId: string | null;
}

/** Where each status may go next, in the order the round runs (the API refuses anything else). */
export const NEXT_STATUSES: Record<AssessmentStatus, AssessmentStatus[]> = {
  draft: ['individual'],
  individual: ['consensus'],
  consensus: ['completed', 'individual'],
  completed: [],
};

/* The shapes of the DGCA assessment routes (DgcaAssessmentsModule, issue 9), as the Studio shows them. */

export type AssessmentStatus = 'draft' | 'individual' | 'consensus' | 'completed';
export const ASSESSMENT_STATUSES: AssessmentStatus[] = ['draft', 'individual', 'consensus', 'completed'];
export type AssessmentSubject = 'country' | 'institution';

export interface AssessmentSummary {
  id: string;
  title: string;
  subject: AssessmentSubject;
  country: string;
  institution: { id: string; name: string };
  status: AssessmentStatus;
  framework: { id: string; name: string; versionId: string; number: number };
  startsOn: string | null;
  individualDueOn: string | null;
  consensusOn: string | null;
  participants: number;
  answeredAll: number;
  createdAt: string;
}

export interface AssessmentView extends AssessmentSummary {
  description: string;
  previous: { id: string; title: string; completedAt: string | null } | null;
  regionalOptIn: boolean;
  revision: number;
  statements: number;
  invitees: number;
  submitted: number;
  individualOpenedAt: string | null;
  consensusOpenedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
}

export interface ParticipantRow {
  id: string;
  userId: string | null;
  displayName: string;
  email: string;
  answered: number;
  total: number;
  submittedAt: string | null;
  addedAt: string;
}

export interface InviteeRow {
  invitationId: string;
  email: string;
  displayName: string | null;
  invitedAt: string;
  expiresAt: string;
  status: string;
}

export interface ParticipantsView {
  participants: ParticipantRow[];
  invitees: InviteeRow[];
}

export type AddOutcome = 'added' | 'invited' | 'already';

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

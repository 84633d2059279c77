import type { Schemas } from '@archipelago/api-client';

/*
 * The shapes of the DGCA consensus and results routes (DgcaResultsModule, issue 9), from the typed
 * client. Anonymity is the API's: below three raters (in the round, or on a statement) it sends no
 * distribution, mean, spread or comment at all (`withheld`), so the pages cannot show a figure that
 * would point at someone.
 */

export type AssessmentStatus = Schemas['AssessmentStatus'];
export type ScaleLevel = Schemas['ScaleLevelView'];
export type StatementConsensus = Schemas['StatementConsensus'];
export type ConsensusView = Schemas['ConsensusView'];
export type ConsensusBody = Schemas['RecordConsensusRequest'];
export type DimensionResult = Schemas['DimensionResult'];
export type EGovernmentIndices = Schemas['EGovernmentIndicesView'];
export type ResultsView = Schemas['ResultsView'];
export type RegionalView = Schemas['RegionalView'];
export type FrameworkSummary = Schemas['FrameworkSummary'];

/** Before the consensus round there is nothing to show: no one has seen the ratings yet. */
export const beforeConsensus = (status: AssessmentStatus): boolean =>
  status === 'draft' || status === 'individual';

/** A published framework version someone can pick on the regional page. */
export interface VersionChoice {
  versionId: string;
  frameworkName: string;
  number: number;
}

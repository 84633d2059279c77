/*
 * The shapes of the DGCA consensus and results routes (DgcaResultsModule, issue 9). Anonymity is
 * the API's: with fewer than three raters it sends no distribution, mean, spread or comment at all
 * (`withheld`), so the pages cannot show a figure that would point at someone.
 */

export type AssessmentStatus = 'draft' | 'individual' | 'consensus' | 'completed';

export interface ScaleLevel {
  value: number;
  label: string;
  description?: string | null;
}

export interface ConsensusRecord {
  value: number | null;
  dontKnow: boolean;
  notes: string | null;
  recordedAt: string;
}

export interface StatementConsensus {
  statementId: string;
  text: string;
  answered: number;
  dontKnow: number;
  distribution: { value: number; count: number }[];
  mean: number | null;
  spread: number | null;
  disagreement: boolean;
  comments: { text: string; evidenceUrl: string | null }[];
  consensus: ConsensusRecord | null;
}

export interface ConsensusView {
  status: AssessmentStatus;
  raters: number;
  withheld: boolean;
  scale: ScaleLevel[];
  dimensions: { key: string; name: string; statements: StatementConsensus[] }[];
}

export interface ConsensusBody {
  value?: number;
  dontKnow?: boolean;
  notes?: string;
}

export interface DimensionResult {
  key: string;
  name: string;
  statements: number;
  average: number | null;
  spread: number | null;
  consensus: number | null;
  score: number | null;
  previousScore: number | null;
  change: number | null;
}

export interface EGovernmentIndices {
  country: string;
  year: number;
  egdi: number;
  rank: number;
  osi: number;
  hci: number;
  tii: number;
  epi: number;
  source: { title: string; publisher: string; url: string };
}

export interface ResultsRecommendation {
  dimensionKey: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  moduleId: string | null;
  moduleTitle: string | null;
}

export interface ResultsView {
  assessment: {
    id: string;
    title: string;
    subject: 'country' | 'institution';
    country: string | null;
    institutionName: string;
    status: AssessmentStatus;
    completedAt: string | null;
  };
  scale: { min: number; max: number; levels: ScaleLevel[] };
  participants: number;
  raters: number;
  withheld: boolean;
  dimensions: DimensionResult[];
  strengths: string[];
  gaps: string[];
  recommendations: ResultsRecommendation[];
  eGovernment: EGovernmentIndices | null;
  previous: { id: string; title: string; completedAt: string | null } | null;
}

export interface RegionalView {
  versionId: string;
  countries: number;
  withheld: boolean;
  dimensions: { key: string; name: string; score: number | null }[];
}

/** The assessment as the Studio's assessment routes (A2) describe it; only what these pages show. */
export interface AssessmentHeading {
  id: string;
  title: string;
  status: AssessmentStatus;
}

/** A published framework version someone can pick on the regional page. */
export interface VersionChoice {
  versionId: string;
  frameworkName: string;
  number: number;
}

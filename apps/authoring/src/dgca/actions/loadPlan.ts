import { getAssessment, getFrameworkVersion, getResults } from './actions-api';
import { planIsOpen, type AssessmentStatus, type PlanAssessment } from './actionTypes';

type Fetched<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** The assessment, with its framework version's dimensions (the plan's dimension choices), in one read. */
export async function loadPlanAssessment(id: string, signal: AbortSignal): Fetched<PlanAssessment> {
  const assessment = await getAssessment(id, signal);
  if (!assessment.data) return { error: assessment.error, response: assessment.response };
  const version = await getFrameworkVersion(assessment.data.framework.versionId, signal);
  if (!version.data) return { error: version.error, response: version.response };
  return {
    data: {
      id: assessment.data.id,
      title: assessment.data.title,
      status: assessment.data.status as AssessmentStatus,
      dimensions: [...version.data.dimensions]
        .sort((a, b) => a.position - b.position)
        .map(({ key, name }) => ({ key, name })),
    },
    response: version.response,
  };
}

/**
 * The profile's gaps (dimension keys, weakest first), to plan actions from. There are none before
 * the consensus round; a failed read only loses the hint, so it counts as none.
 */
export async function loadGaps(id: string, status: AssessmentStatus, signal: AbortSignal): Fetched<string[]> {
  const none = { data: [] as string[], response: new Response(null, { status: 204 }) };
  if (!planIsOpen(status)) return none;
  const results = await getResults(id, signal).catch(() => null);
  return results?.data ? { data: results.data.gaps, response: results.response } : none;
}

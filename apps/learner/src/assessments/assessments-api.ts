import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';

/*
 * Every call the learner app makes about DGCA self-assessments, in one place, on the typed client:
 * a change to the API's DTOs fails the typecheck here rather than on a participant's screen.
 */

export type MyAssessmentSummary = Schemas['MyAssessmentSummary'];
export type AssessmentStatus = MyAssessmentSummary['status'];
export type MyAssessmentView = Schemas['MyAssessmentView'];
export type MyRating = Schemas['MyRating'];
export type ScaleLevel = MyAssessmentView['scale'][number];
export type AssessmentDimension = MyAssessmentView['dimensions'][number];
export type AssessmentStatement = AssessmentDimension['statements'][number];
export type SavedRating = Schemas['RatingSaved'];
export type ActionView = Schemas['ActionView'];
export type ActionStatus = ActionView['status'];

export type ResultsView = Schemas['ResultsView'];
export type DimensionResult = ResultsView['dimensions'][number];
export type EGovernmentIndices = NonNullable<ResultsView['eGovernment']>;

/** What a participant answers for one statement: a level of the scale, or "don't know". */
export type RatingChoice = { value: number } | { dontKnow: true };

export interface RatingBody {
  choice: RatingChoice;
  comment: string | null;
  evidenceUrl: string | null;
}

/** A refusal the page explains: the HTTP status and the problem's `code` and field errors. */
export class AssessmentRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly fields: { field: string; message: string }[],
  ) {
    super(`Assessment request failed with ${status}${code ? ` (${code})` : ''}`);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function refusal(status: number, error: unknown): AssessmentRequestError {
  const problem = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  const fields = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (entry): entry is { field: string; message: string } =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as { field?: unknown }).field === 'string' &&
          typeof (entry as { message?: unknown }).message === 'string',
      )
    : [];
  return new AssessmentRequestError(status, code, fields);
}

/** The body, or null for 404 (and 400: a malformed id names no assessment either). */
function dataOrMissing<T>({ data, error, response }: Answer<T>): T | null {
  if (response.status === 404 || response.status === 400) return null;
  if (data === undefined) throw refusal(response.status, error);
  return data;
}

function dataOrThrow<T>({ data, error, response }: Answer<T>): T {
  if (data === undefined) throw refusal(response.status, error);
  return data;
}

export async function fetchMyAssessments(signal: AbortSignal): Promise<MyAssessmentSummary[]> {
  return dataOrThrow(await api.GET('/api/me/assessments', { signal })).items;
}

export async function fetchMyAssessment(id: string, signal: AbortSignal): Promise<MyAssessmentView | null> {
  return dataOrMissing(await api.GET('/api/me/assessments/{id}', { params: { path: { id } }, signal }));
}

export async function saveRating(id: string, statementId: string, body: RatingBody): Promise<SavedRating> {
  const answer = await api.PUT('/api/me/assessments/{id}/ratings/{statementId}', {
    params: { path: { id, statementId } },
    body: { ...body.choice, comment: body.comment, evidenceUrl: body.evidenceUrl },
  });
  return dataOrThrow(answer);
}

export async function submitAssessment(id: string): Promise<{ submittedAt: string }> {
  return dataOrThrow(await api.POST('/api/me/assessments/{id}/submit', { params: { path: { id } } }));
}

export type MyResults = { ready: true; results: ResultsView } | { ready: false };

/** The team's results, not ready before the assessment is completed (409 results-not-ready), or null (404). */
export async function fetchMyResults(id: string, signal: AbortSignal): Promise<MyResults | null> {
  const answer = await api.GET('/api/me/assessments/{id}/results', { params: { path: { id } }, signal });
  if (answer.response.status === 409) return { ready: false };
  const results = dataOrMissing(answer);
  return results ? { ready: true, results } : null;
}

export async function fetchTeamActions(id: string, signal: AbortSignal): Promise<ActionView[]> {
  return dataOrThrow(await api.GET('/api/me/assessments/{id}/actions', { params: { path: { id } }, signal }))
    .items;
}

export interface ProgressUpdateBody {
  comment: string;
  status?: ActionStatus;
  progress?: number;
}

export async function postProgressUpdate(
  id: string,
  actionId: string,
  body: ProgressUpdateBody,
): Promise<ActionView> {
  const answer = await api.POST('/api/me/assessments/{id}/actions/{actionId}/updates', {
    params: { path: { id, actionId } },
    body,
  });
  return dataOrThrow(answer);
}

/** Paths inside the learner app. */
export const assessmentPaths = {
  list: '/assessments',
  rate: (id: string) => `/assessments/${encodeURIComponent(id)}`,
  results: (id: string) => `/assessments/${encodeURIComponent(id)}/results`,
  /** The PDF of the results, served by the API at this origin. */
  resultsPdf: (id: string, language: string) =>
    `/api/me/assessments/${encodeURIComponent(id)}/results.pdf?language=${encodeURIComponent(language)}`,
  course: (slug: string) => `/courses/${encodeURIComponent(slug)}`,
};

import { as, untypedApi } from './untypedApi';
import type { QuizDraftView, QuizSettings, QuizSlot } from './quizTypes';

/*
 * The quiz draft's routes (ADR 0014, QuizAttemptsModule). The only place the quiz editor calls the
 * API, so moving to the generated client types is a change to this file only.
 */

export const getQuizDraft = (activityId: string, signal?: AbortSignal) =>
  as<QuizDraftView>(
    untypedApi.GET('/api/studio/quizzes/{activityId}', { params: { path: { activityId } }, signal }),
  );

export const saveQuizDraft = (
  activityId: string,
  body: { revision: number; settings: QuizSettings; slots: QuizSlot[] },
) =>
  as<QuizDraftView>(
    untypedApi.PUT('/api/studio/quizzes/{activityId}', { params: { path: { activityId } }, body }),
  );

/** The draft a 409 answer carries as `current`, when it does. */
export function currentDraftOf(error: unknown): QuizDraftView | undefined {
  if (typeof error !== 'object' || error === null || !('current' in error)) return undefined;
  const current = (error as { current: unknown }).current;
  return typeof current === 'object' && current !== null && 'revision' in current && 'slots' in current
    ? (current as QuizDraftView)
    : undefined;
}

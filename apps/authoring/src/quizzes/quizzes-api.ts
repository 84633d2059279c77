import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';
import { fromDraftSlot, type QuizDraftView, type QuizSettings, type QuizSlot } from './quizTypes';

/*
 * The quiz draft's routes (ADR 0014, QuizAttemptsModule). The only place the quiz editor calls the
 * API for its draft.
 */

const toView = (draft: Schemas['QuizDraftView']): QuizDraftView => ({
  ...draft,
  slots: draft.slots.map(fromDraftSlot),
});

async function asView<E>(
  answer: Promise<{ data?: Schemas['QuizDraftView']; error?: E; response: Response }>,
) {
  const { data, error, response } = await answer;
  return { data: data ? toView(data) : undefined, error, response };
}

export const getQuizDraft = (activityId: string, signal?: AbortSignal) =>
  asView(api.GET('/api/studio/quizzes/{activityId}', { params: { path: { activityId } }, signal }));

export const saveQuizDraft = (
  activityId: string,
  body: { revision: number; settings: QuizSettings; slots: QuizSlot[] },
) => asView(api.PUT('/api/studio/quizzes/{activityId}', { params: { path: { activityId } }, body }));

/** The draft a 409 answer carries as `current`, when it does. */
export function currentDraftOf(error: unknown): QuizDraftView | undefined {
  if (typeof error !== 'object' || error === null || !('current' in error)) return undefined;
  const current = (error as { current: unknown }).current;
  return typeof current === 'object' && current !== null && 'revision' in current && 'slots' in current
    ? toView(current as Schemas['QuizDraftView'])
    : undefined;
}

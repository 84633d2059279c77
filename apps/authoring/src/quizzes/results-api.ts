import type { Question } from '../questions/questionModel';
import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';

/*
 * The trainers' results routes (ADR 0014, QuizResultsModule): attempts, review, manual grading,
 * regrade, item analysis and the CSV. The only place the results pages call the API.
 */

export type AttemptRow = Schemas['QuizAttemptRow'];
export type AttemptList = Schemas['QuizAttemptList'];
export type SlotGrading = Schemas['ReviewedSlot']['grading'];
/** The generated slot keeps `question` open (a union OpenAPI does not describe); here it is the model. */
export type ReviewSlot = Omit<Schemas['ReviewedSlot'], 'question'> & { question: Question };
export type AttemptReview = Omit<Schemas['AttemptReview'], 'slots'> & { slots: ReviewSlot[] };
export type ChoiceFrequency = Schemas['ChoiceFrequency'];
export type TextAnswerFrequency = Schemas['TextAnswerFrequency'];
export type QuestionAnalysis = Schemas['QuestionAnalysis'];
export type QuizAnalysis = Schemas['QuizAnalysis'];
export type RegradeResult = Schemas['RegradeResult'];

/** The review with each slot's question read as the model (the server stored it validated). */
async function asReview<E>(
  answer: Promise<{ data?: Schemas['AttemptReview']; error?: E; response: Response }>,
) {
  const { data, error, response } = await answer;
  return { data: data as AttemptReview | undefined, error, response };
}

export const listAttempts = (activityId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/quizzes/{activityId}/attempts', { params: { path: { activityId } }, signal });

export const getAttemptReview = (attemptId: string, signal?: AbortSignal) =>
  asReview(api.GET('/api/studio/quiz-attempts/{attemptId}', { params: { path: { attemptId } }, signal }));

export const gradeSlot = (attemptId: string, slot: number, body: { points: number; comment: string }) =>
  asReview(
    api.PUT('/api/studio/quiz-attempts/{attemptId}/slots/{slot}/grade', {
      params: { path: { attemptId, slot } },
      body,
    }),
  );

export const regradeQuestion = (activityId: string, questionId: string) =>
  api.POST('/api/studio/quizzes/{activityId}/regrade', {
    params: { path: { activityId } },
    body: { questionId },
  });

export const getAnalysis = (activityId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/quizzes/{activityId}/analysis', { params: { path: { activityId } }, signal });

/** A plain link downloads the CSV with the session cookie; its headings are in `language`. */
export const resultsCsvUrl = (activityId: string, language: string) =>
  `/api/studio/quizzes/${encodeURIComponent(activityId)}/results.csv?language=${encodeURIComponent(language)}`;

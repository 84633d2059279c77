import type { Question } from '../questions/questionModel';
import { as, untypedApi } from './untypedApi';

/*
 * The trainers' results routes (ADR 0014, QuizResultsModule): attempts, review, manual grading,
 * regrade, item analysis and the CSV. The only place the results pages call the API.
 */

/*
 * Shapes as apps/api/src/quizzes/results/quiz-results.dto.ts declares them; replaced by the
 * generated Schemas[...] types once the routes are in packages/api-client/src/schema.ts.
 */

export interface AttemptRow {
  id: string;
  userId: string;
  displayName: string;
  email: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: string;
  submittedAt: string | null;
  /** Submitted by the server at the deadline. */
  autoSubmitted: boolean;
  points: number | null;
  maxPoints: number;
  /** 0..1; null until nothing is left to grade. */
  score: number | null;
  passed: boolean | null;
  pendingGrading: number;
}

export interface AttemptList {
  activityId: string;
  title: string;
  courseId: string;
  courseTitle: string;
  items: AttemptRow[];
}

export type SlotGrading = 'pending' | 'graded' | 'needs-grading' | 'ungraded';

export interface ReviewSlot {
  slot: number;
  questionId: string;
  /** The version this attempt was given (or regraded on). */
  questionVersion: number;
  /** The whole question version, answer key included. */
  question: Question;
  response: Record<string, unknown> | null;
  answeredAt: string | null;
  grading: SlotGrading;
  points: number | null;
  maxPoints: number;
  comment: string | null;
  /** Who graded it by hand. */
  gradedBy: string | null;
  gradedAt: string | null;
}

export interface AttemptReview extends AttemptRow {
  activityId: string;
  quizTitle: string;
  courseId: string;
  courseTitle: string;
  slots: ReviewSlot[];
}

export interface ChoiceFrequency {
  /** The option id; `true`/`false` for true/false questions. */
  id: string;
  label: string;
  correct: boolean;
  count: number;
  /** count ÷ attempts that answered the question, 0..1. */
  share: number;
}

export interface TextAnswerFrequency {
  text: string;
  count: number;
}

export interface QuestionAnalysis {
  questionId: string;
  name: string;
  type: string;
  attempts: number;
  /** Mean score on the question, 0..1. */
  facility: number | null;
  /** Correlation with the rest of the attempt, −1..1; null with too few attempts. */
  discrimination: number | null;
  meanPoints: number | null;
  maxPoints: number;
  choices: ChoiceFrequency[];
  textAnswers: TextAnswerFrequency[];
}

export interface QuizAnalysis {
  activityId: string;
  attempts: number;
  meanScore: number | null;
  questions: QuestionAnalysis[];
}

export interface RegradeResult {
  attempts: number;
  changed: number;
  version: number;
}

export const listAttempts = (activityId: string, signal?: AbortSignal) =>
  as<AttemptList>(
    untypedApi.GET('/api/studio/quizzes/{activityId}/attempts', { params: { path: { activityId } }, signal }),
  );

export const getAttemptReview = (attemptId: string, signal?: AbortSignal) =>
  as<AttemptReview>(
    untypedApi.GET('/api/studio/quiz-attempts/{attemptId}', { params: { path: { attemptId } }, signal }),
  );

export const gradeSlot = (attemptId: string, slot: number, body: { points: number; comment: string }) =>
  as<AttemptReview>(
    untypedApi.PUT('/api/studio/quiz-attempts/{attemptId}/slots/{slot}/grade', {
      params: { path: { attemptId, slot } },
      body,
    }),
  );

export const regradeQuestion = (activityId: string, questionId: string) =>
  as<RegradeResult>(
    untypedApi.POST('/api/studio/quizzes/{activityId}/regrade', {
      params: { path: { activityId } },
      body: { questionId },
    }),
  );

export const getAnalysis = (activityId: string, signal?: AbortSignal) =>
  as<QuizAnalysis>(
    untypedApi.GET('/api/studio/quizzes/{activityId}/analysis', { params: { path: { activityId } }, signal }),
  );

/** A plain link downloads the CSV with the session cookie; its headings are in `language`. */
export const resultsCsvUrl = (activityId: string, language: string) =>
  `/api/studio/quizzes/${encodeURIComponent(activityId)}/results.csv?language=${encodeURIComponent(language)}`;

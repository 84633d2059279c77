import type { Question } from '../questions/questionModel';
import { as, untypedApi } from './untypedApi';

/*
 * The trainers' results routes (ADR 0014, QuizResultsModule): attempts, review, manual grading,
 * regrade, item analysis and the CSV. The only place the results pages call the API.
 */

export interface AttemptRow {
  id: string;
  learnerName: string;
  email: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: string;
  submittedAt: string | null;
  /** 0..1; null while essays wait for grading or the attempt is open. */
  score: number | null;
  passed: boolean | null;
  pendingGrading: number;
}

export interface AttemptList {
  quizTitle?: string;
  items: AttemptRow[];
}

export interface ReviewSlot {
  slot: number;
  questionId: string;
  questionVersion: number;
  /** The question as the attempt was given it, answer key included. */
  question: Question;
  name?: string;
  maxPoints: number;
  points: number | null;
  status: 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'needs-grading' | 'graded' | 'ungraded';
  response: unknown;
  comment: string | null;
  /** The question's version is older than its current one: regrading would move it on. */
  currentVersion?: number;
}

export interface AttemptReview {
  id: string;
  activityId: string;
  quizTitle?: string;
  learnerName: string;
  email: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: string;
  submittedAt: string | null;
  points: number | null;
  maxPoints: number;
  score: number | null;
  passed: boolean | null;
  pendingGrading: number;
  slots: ReviewSlot[];
}

export interface OptionFrequency {
  /** The option's id, or the answer text for free responses. */
  option: string;
  label?: string;
  count: number;
  correct?: boolean;
}

export interface QuestionAnalysis {
  questionId: string;
  name: string;
  type: string;
  attempts: number;
  /** Mean share of the mark, 0..1. */
  facility: number | null;
  /** Correlation with the rest of the quiz, -1..1. */
  discrimination: number | null;
  meanPoints: number | null;
  maxPoints?: number;
  options: OptionFrequency[];
}

export interface QuizAnalysis {
  attempts: number;
  questions: QuestionAnalysis[];
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
  as<{ attempts: number; changed: number }>(
    untypedApi.POST('/api/studio/quizzes/{activityId}/regrade', {
      params: { path: { activityId } },
      body: { questionId },
    }),
  );

export const getAnalysis = (activityId: string, signal?: AbortSignal) =>
  as<QuizAnalysis>(
    untypedApi.GET('/api/studio/quizzes/{activityId}/analysis', { params: { path: { activityId } }, signal }),
  );

/** A plain link downloads the CSV with the session cookie. */
export const resultsCsvUrl = (activityId: string) =>
  `/api/studio/quizzes/${encodeURIComponent(activityId)}/results.csv`;

import { api } from '../api';

/*
 * Every call the learner app makes about quizzes, in one place. The shapes follow ADR 0014; until
 * the typed client knows the quiz routes they are declared here and the calls go through the
 * untyped door below (same client, so the session and CSRF token travel as usual).
 */

export type RichText = { type: 'doc'; content?: unknown[] };

export type QuizResponse =
  | { optionId: string }
  | { optionIds: string[] }
  | { answer: boolean }
  | { text: string }
  | { matches: Record<string, string> }
  | { order: string[] };

export interface LearnerOption {
  id: string;
  text: RichText;
}

interface QuestionBase<T extends string> {
  type: T;
  prompt: RichText;
  points: number;
}

export type LearnerQuestion =
  | (QuestionBase<'single-choice'> & { options: LearnerOption[] })
  | (QuestionBase<'multiple-response'> & { options: LearnerOption[] })
  | QuestionBase<'true-false'>
  | QuestionBase<'short-answer'>
  | (QuestionBase<'numeric'> & { units: string[] })
  | (QuestionBase<'matching'> & { prompts: { id: string; prompt: RichText }[]; answers: string[] })
  | (QuestionBase<'ordering'> & { items: LearnerOption[] })
  | (QuestionBase<'essay'> & { minWords?: number });

export type QuestionType = LearnerQuestion['type'];
export type FeedbackTiming = 'immediate' | 'after-submit' | 'after-close';
export type AttemptLayout = 'one-per-page' | 'all-on-one-page';

export interface SlotFeedback {
  status: 'graded' | 'needs-grading' | 'ungraded';
  outcome: 'right' | 'partly-right' | 'wrong' | null;
  /** Null until graded. */
  points: number | null;
  maxPoints: number;
  /** Feedback on the answer given. */
  feedback: RichText[];
  /** Feedback for everyone who answered. */
  generalFeedback: RichText | null;
  /** A right answer in the response's shape, when the quiz shows correct answers. */
  correctResponse: QuizResponse | null;
  /** A trainer's comment on a graded essay. */
  comment: string | null;
}

export interface AttemptResult {
  /** Null while an essay awaits grading. */
  points: number | null;
  maxPoints: number;
  /** points / maxPoints, 0..1; null while grading is pending. */
  score: number | null;
  passed: boolean | null;
  pendingGrading: number;
}

export interface AttemptSlotView {
  slot: number;
  points: number;
  question: LearnerQuestion;
  response: QuizResponse | null;
  answeredAt: string | null;
  locked: boolean;
  feedback: SlotFeedback | null;
}

export type AttemptStatus = 'open' | 'submitted';

export interface AttemptView {
  id: string;
  number: number;
  status: AttemptStatus;
  quiz: { slug: string; activityId: string; title: string };
  startedAt: string;
  deadline: string | null;
  submittedAt: string | null;
  autoSubmitted: boolean;
  serverNow: string;
  layout: AttemptLayout;
  feedbackTiming: FeedbackTiming;
  slots: AttemptSlotView[];
  /** Only as the feedback setting allows. */
  result: AttemptResult | null;
}

export interface AttemptSummary {
  id: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  deadline: string | null;
  submittedAt: string | null;
  autoSubmitted: boolean;
  result: AttemptResult | null;
}

export interface QuizSettings {
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  /** Percent, 0..100. */
  passingScore: number;
  layout: AttemptLayout;
  availableFrom: string | null;
  availableUntil: string | null;
  feedback: FeedbackTiming;
  showCorrectAnswers: boolean;
  grade: 'highest' | 'latest';
}

export type Availability = 'open' | 'not-yet' | 'closed';

export interface QuizOverview {
  activityId: string;
  title: string;
  settings: QuizSettings;
  questionCount: number;
  maxPoints: number | null;
  availability: Availability;
  attemptsUsed: number;
  attemptsAllowed: number | null;
  canStart: boolean;
  cannotStart: 'not-yet' | 'closed' | 'no-attempts-left' | null;
  openAttemptId: string | null;
  /** Oldest first. */
  attempts: AttemptSummary[];
  /** The score that counts, 0..1. */
  bestScore: number | null;
  passed: boolean;
  serverNow: string;
}

export interface SaveAnswerRequest {
  response: QuizResponse | null;
  /** Device time: orders late retries after newer answers on the server. */
  at: string;
}

export interface SaveAnswerResult {
  slot: number;
  answeredAt: string;
}

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

interface UntypedInit {
  params?: { path?: Record<string, string | number> };
  body?: unknown;
  signal?: AbortSignal;
  keepalive?: boolean;
}

// The one untyped door: replaced by `api.GET('/api/…')` once packages/api-client knows these routes.
const call = (method: 'GET' | 'POST' | 'PUT', path: string, init: UntypedInit): Promise<Answer> =>
  (api[method] as unknown as (path: string, init: UntypedInit) => Promise<Answer>)(path, init);

export class QuizRequestError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`Quiz request failed with ${status}`);
  }
}

/** The body, or null for 404 (and 400: a malformed id is a quiz that does not exist either). */
function dataOrMissing<T>(answer: Answer): T | null {
  if (answer.response.status === 404 || answer.response.status === 400) return null;
  if (answer.data === undefined) throw new QuizRequestError(answer.response.status, answer.error);
  return answer.data as T;
}

function dataOrThrow<T>(answer: Answer): T {
  if (answer.data === undefined) throw new QuizRequestError(answer.response.status, answer.error);
  return answer.data as T;
}

export async function fetchQuizOverview(slug: string, activityId: string, signal: AbortSignal) {
  const answer = await call('GET', '/api/me/learning/{slug}/quizzes/{activityId}', {
    params: { path: { slug, activityId } },
    signal,
  });
  return dataOrMissing<QuizOverview>(answer);
}

/** Starts an attempt, or gets the open one; refusals (409 no attempts left, 403 outside the window) throw. */
export async function startAttempt(slug: string, activityId: string): Promise<AttemptView> {
  const answer = await call('POST', '/api/me/learning/{slug}/quizzes/{activityId}/attempts', {
    params: { path: { slug, activityId } },
  });
  return dataOrThrow<AttemptView>(answer);
}

export async function fetchAttempt(attemptId: string, signal: AbortSignal) {
  const answer = await call('GET', '/api/me/quiz-attempts/{attemptId}', {
    params: { path: { attemptId } },
    signal,
  });
  return dataOrMissing<AttemptView>(answer);
}

export async function saveAnswer(
  attemptId: string,
  slot: number,
  body: SaveAnswerRequest,
  keepalive: boolean,
): Promise<{ status: number; data?: SaveAnswerResult }> {
  const answer = await call('PUT', '/api/me/quiz-attempts/{attemptId}/slots/{slot}', {
    params: { path: { attemptId, slot } },
    body,
    keepalive,
  });
  return { status: answer.response.status, data: answer.data as SaveAnswerResult | undefined };
}

export async function checkSlot(attemptId: string, slot: number): Promise<SlotFeedback> {
  const answer = await call('POST', '/api/me/quiz-attempts/{attemptId}/slots/{slot}/check', {
    params: { path: { attemptId, slot } },
  });
  return dataOrThrow<SlotFeedback>(answer);
}

/** Idempotent on the server: a second submit returns the stored result. */
export async function submitAttempt(attemptId: string): Promise<AttemptView> {
  const answer = await call('POST', '/api/me/quiz-attempts/{attemptId}/submit', {
    params: { path: { attemptId } },
  });
  return dataOrThrow<AttemptView>(answer);
}

/** Paths inside the learner app. */
export const quizPaths = {
  attempt: (slug: string, activityId: string, attemptId: string) =>
    `/learn/${encodeURIComponent(slug)}/${encodeURIComponent(activityId)}/attempts/${encodeURIComponent(attemptId)}`,
};

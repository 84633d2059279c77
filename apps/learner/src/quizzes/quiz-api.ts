import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';

/*
 * Every call the learner app makes about quizzes, in one place, on the typed client. The generated
 * types leave rich text, responses and a question's type-specific fields open (`Record<string,
 * unknown>`); the narrower shapes below are those of the API's question model
 * (apps/api/src/quizzes/questions), and every other field is the generated one, so a change to the
 * API's DTOs fails the typecheck here.
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
export type FeedbackTiming = Schemas['AttemptView']['feedbackTiming'];
export type AttemptLayout = Schemas['AttemptView']['layout'];
export type AttemptResult = Schemas['AttemptResult'];
export type AttemptSummary = Schemas['AttemptSummary'];
export type AttemptStatus = AttemptSummary['status'];
export type QuizSettings = Schemas['QuizSettings'];
export type QuizOverview = Schemas['QuizOverview'];
export type Availability = QuizOverview['availability'];
export type SaveAnswerResult = Schemas['SaveAnswerResult'];

export type SlotFeedback = Omit<
  Schemas['SlotFeedback'],
  'feedback' | 'generalFeedback' | 'correctResponse'
> & {
  /** Feedback on the answer given. */
  feedback: RichText[];
  /** Feedback for everyone who answered. */
  generalFeedback: RichText | null;
  /** A right answer in the response's shape, when the quiz shows correct answers. */
  correctResponse: QuizResponse | null;
};

export type AttemptSlotView = Omit<Schemas['AttemptSlotView'], 'question' | 'response' | 'feedback'> & {
  question: LearnerQuestion;
  response: QuizResponse | null;
  feedback: SlotFeedback | null;
};

export type AttemptView = Omit<Schemas['AttemptView'], 'slots'> & { slots: AttemptSlotView[] };

export type SaveAnswerRequest = Omit<Schemas['SaveAnswerRequest'], 'response'> & {
  response: QuizResponse | null;
};

export class QuizRequestError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`Quiz request failed with ${status}`);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body, or null for 404 (and 400: a malformed id is a quiz that does not exist either). */
function dataOrMissing<T>({ data, error, response }: Answer<T>): T | null {
  if (response.status === 404 || response.status === 400) return null;
  if (data === undefined) throw new QuizRequestError(response.status, error);
  return data;
}

function dataOrThrow<T>({ data, error, response }: Answer<T>): T {
  if (data === undefined) throw new QuizRequestError(response.status, error);
  return data;
}

/*
 * The generated shapes hold responses and rich text as open objects; the API builds them from its
 * question model (learnerView, validated responses), which the narrower types above describe.
 */
const asAttempt = (attempt: Schemas['AttemptView']) => attempt as unknown as AttemptView;

export async function fetchQuizOverview(
  slug: string,
  activityId: string,
  signal: AbortSignal,
): Promise<QuizOverview | null> {
  return dataOrMissing(
    await api.GET('/api/me/learning/{slug}/quizzes/{activityId}', {
      params: { path: { slug, activityId } },
      signal,
    }),
  );
}

/** Starts an attempt, or gets the open one; refusals (409 no attempts left, 403 outside the window) throw. */
export async function startAttempt(slug: string, activityId: string): Promise<AttemptView> {
  const answer = await api.POST('/api/me/learning/{slug}/quizzes/{activityId}/attempts', {
    params: { path: { slug, activityId } },
  });
  return asAttempt(dataOrThrow(answer));
}

export async function fetchAttempt(attemptId: string, signal: AbortSignal): Promise<AttemptView | null> {
  const attempt = dataOrMissing(
    await api.GET('/api/me/quiz-attempts/{attemptId}', { params: { path: { attemptId } }, signal }),
  );
  return attempt ? asAttempt(attempt) : null;
}

export async function saveAnswer(
  attemptId: string,
  slot: number,
  body: SaveAnswerRequest,
  keepalive: boolean,
): Promise<{ status: number; data?: SaveAnswerResult }> {
  const { data, response } = await api.PUT('/api/me/quiz-attempts/{attemptId}/slots/{slot}', {
    params: { path: { attemptId, slot } },
    body,
    keepalive,
  });
  return { status: response.status, data };
}

export async function checkSlot(attemptId: string, slot: number): Promise<SlotFeedback> {
  const answer = await api.POST('/api/me/quiz-attempts/{attemptId}/slots/{slot}/check', {
    params: { path: { attemptId, slot } },
  });
  return dataOrThrow(answer) as unknown as SlotFeedback;
}

/** Idempotent on the server: a second submit returns the stored result. */
/** Submits the attempt, then reads it back with its feedback: the submit answers only the result. */
export async function submitAttempt(attemptId: string): Promise<AttemptView> {
  dataOrThrow(
    await api.POST('/api/me/quiz-attempts/{attemptId}/submit', { params: { path: { attemptId } } }),
  );
  return asAttempt(
    dataOrThrow(await api.GET('/api/me/quiz-attempts/{attemptId}', { params: { path: { attemptId } } })),
  );
}

/** Paths inside the learner app. */
export const quizPaths = {
  attempt: (slug: string, activityId: string, attemptId: string) =>
    `/learn/${encodeURIComponent(slug)}/${encodeURIComponent(activityId)}/attempts/${encodeURIComponent(attemptId)}`,
};

/**
 * The stored definition of one question version, as the product grades it. Correct answers live here,
 * so this shape never leaves the server; learners see `learnerView` instead.
 */

/** A tiptap document, kept opaque here: grading never looks inside rich text. */
export type RichText = { type: 'doc'; content?: unknown[] };

interface QuestionBase {
  prompt: RichText;
  /** Shown once the question is answered, whatever the answer. */
  generalFeedback: RichText | null;
  /** The mark for a fully right answer; always above 0. */
  points: number;
}

export interface ChoiceOption {
  id: string;
  text: RichText;
  feedback: RichText | null;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  options: ChoiceOption[];
  correctOptionId: string;
}

/**
 * - `partial`: the share of correct options chosen, or 0 once any wrong option is chosen;
 * - `right-minus-wrong`: (right chosen − wrong chosen) / correct options, never below 0.
 */
export type MultipleResponseScoring = 'all-or-nothing' | 'partial' | 'right-minus-wrong';

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple-response';
  options: (ChoiceOption & { correct: boolean })[];
  scoring: MultipleResponseScoring;
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
  /** Shown to a learner who answered true, whether or not that was right. */
  feedbackTrue: RichText | null;
  feedbackFalse: RichText | null;
}

export interface ShortAnswer {
  text: string;
  /** Share of the mark, 0..1. */
  fraction: number;
  feedback: RichText | null;
  /** When true, `*` in `text` matches any run of characters, as in Moodle. */
  pattern?: boolean;
}

export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short-answer';
  answers: ShortAnswer[];
  caseSensitive: boolean;
}

export interface NumericAnswer {
  /** In the base unit. */
  value: number;
  /** Half-width of the accepted range, inclusive; 0 or more. */
  tolerance: number;
  fraction: number;
  feedback: RichText | null;
}

/** As in Moodle: a response of `n unit` is worth `n / multiplier` in the base unit. */
export interface NumericUnit {
  unit: string;
  multiplier: number;
}

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answers: NumericAnswer[];
  units: NumericUnit[];
}

export interface MatchingPair {
  id: string;
  prompt: RichText;
  answer: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  pairs: MatchingPair[];
  /** Extra answers that match no prompt. */
  distractors: string[];
}

export interface OrderingItem {
  id: string;
  text: RichText;
}

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In their correct order. */
  items: OrderingItem[];
}

export interface EssayQuestion extends QuestionBase {
  type: 'essay';
  /** Graded by a trainer when true; otherwise collected without a mark. */
  graded: boolean;
  minWords?: number;
}

export type Question =
  | SingleChoiceQuestion
  | MultipleResponseQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | NumericQuestion
  | MatchingQuestion
  | OrderingQuestion
  | EssayQuestion;

export type QuestionType = Question['type'];

export type SingleChoiceResponse = { optionId: string };
export type MultipleResponseResponse = { optionIds: string[] };
export type TrueFalseResponse = { answer: boolean };
/** Short-answer, numeric and essay responses are all free text. */
export type TextResponse = { text: string };
export type MatchingResponse = { matches: Record<string, string> };
export type OrderingResponse = { order: string[] };

/** What a learner submits; `null` stands for an unanswered question. */
export type Response =
  | SingleChoiceResponse
  | MultipleResponseResponse
  | TrueFalseResponse
  | TextResponse
  | MatchingResponse
  | OrderingResponse;

/** The response shape each question type takes. */
export interface ResponseByType {
  'single-choice': SingleChoiceResponse;
  'multiple-response': MultipleResponseResponse;
  'true-false': TrueFalseResponse;
  'short-answer': TextResponse;
  numeric: TextResponse;
  matching: MatchingResponse;
  ordering: OrderingResponse;
  essay: TextResponse;
}

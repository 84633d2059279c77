/**
 * The question model of ADR 0014 (apps/api/src/quizzes/questions/question-model.ts), as the Studio
 * edits it: the trainer sees and sets correct answers, so this is the full stored shape.
 */

/** A tiptap document, as the API stores rich text. */
export interface RichText {
  type: 'doc';
  content?: RichNode[];
}

export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

interface QuestionBase {
  prompt: RichText;
  generalFeedback: RichText | null;
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

export const SCORING_RULES = ['all-or-nothing', 'partial', 'right-minus-wrong'] as const;
export type MultipleResponseScoring = (typeof SCORING_RULES)[number];

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple-response';
  options: (ChoiceOption & { correct: boolean })[];
  scoring: MultipleResponseScoring;
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
  feedbackTrue: RichText | null;
  feedbackFalse: RichText | null;
}

export interface ShortAnswer {
  text: string;
  fraction: number;
  feedback: RichText | null;
  pattern?: boolean;
}

export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short-answer';
  answers: ShortAnswer[];
  caseSensitive: boolean;
}

export interface NumericAnswer {
  value: number;
  tolerance: number;
  fraction: number;
  feedback: RichText | null;
}

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
  distractors: string[];
}

export interface OrderingItem {
  id: string;
  text: RichText;
}

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  items: OrderingItem[];
}

export interface EssayQuestion extends QuestionBase {
  type: 'essay';
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

export const QUESTION_TYPES = [
  'single-choice',
  'multiple-response',
  'true-false',
  'short-answer',
  'numeric',
  'matching',
  'ordering',
  'essay',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value);
}

/**
 * The parsed form of a Moodle GIFT file. It mirrors GIFT itself, not the product's question model,
 * so import and export can be checked against the format before any mapping happens.
 */

export type GiftFormat = 'moodle' | 'html' | 'markdown' | 'plain';

/** `fraction` is the share of the mark, -100..100: `=` is 100, `~` is 0, `~%50%` is 50. */
export interface GiftChoice {
  text: string;
  fraction: number;
  feedback: string | null;
}

/** A range `min..max` is kept as its middle and half-width, as Moodle stores it. */
export interface GiftNumericAnswer {
  value: number;
  tolerance: number;
  fraction: number;
  feedback: string | null;
}

/** A pair with an empty prompt is a distractor: an extra answer that matches nothing. */
export interface GiftMatchPair {
  prompt: string;
  answer: string;
}

export type GiftBody =
  | { kind: 'multiple-choice'; answers: GiftChoice[] }
  | { kind: 'true-false'; answer: boolean; feedbackWrong: string | null; feedbackRight: string | null }
  | { kind: 'short-answer'; answers: GiftChoice[] }
  | { kind: 'numeric'; answers: GiftNumericAnswer[] }
  | { kind: 'matching'; pairs: GiftMatchPair[] }
  | { kind: 'essay' }
  | { kind: 'description' };

export type GiftKind = GiftBody['kind'];

export interface GiftQuestion {
  /** 1-based line where the question starts, so problems and previews can point into the file. */
  line: number;
  category: string | null;
  name: string | null;
  /** The prompt, unescaped; a missing-word question has `_____` where its answer block stood. */
  text: string;
  format: GiftFormat;
  generalFeedback: string | null;
  body: GiftBody;
}

export interface GiftProblem {
  line: number;
  message: string;
}

export interface GiftParseResult {
  questions: GiftQuestion[];
  problems: GiftProblem[];
}

/** Marks where a missing-word question's answer block stood in its text. */
export const MISSING_WORD = '_____';

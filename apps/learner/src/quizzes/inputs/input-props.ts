import type { LearnerQuestion, QuizResponse } from '../quiz-api';

/** What every answer input receives from its question. */
export interface InputProps<Q extends LearnerQuestion = LearnerQuestion> {
  question: Q;
  response: QuizResponse | null;
  /** `typing` answers are saved after a pause; others at once. */
  onAnswer: (response: QuizResponse | null, options?: { typing?: boolean }) => void;
  /** Checked or submitted: shown, no longer changed. */
  locked: boolean;
  /** Unique per slot on the page; prefixes the ids of the input's elements. */
  idPrefix: string;
  /** The prompt's id, which describes the input. */
  promptId: string;
  /** The question's number, for labels that must stay unique on an all-on-one-page attempt. */
  number: number;
}

export type Narrow<T extends LearnerQuestion['type']> = Extract<LearnerQuestion, { type: T }>;

import type { QuestionRef } from '../bank/question-versions.service.js';
import type { QuizSettingsValue } from './quiz-settings.js';

/** A slot as publishing froze it: question references at their versions then, never bodies. */
export type FrozenSlot =
  | { kind: 'question'; questionId: string; version: number; points: number }
  | { kind: 'random'; category: string; count: number; points: number | null; pool: QuestionRef[] };

/** What `course_version_activity.content` holds for a quiz (ADR 0014). */
export interface FrozenQuiz {
  settings: QuizSettingsValue;
  slots: FrozenSlot[];
  questionCount: number;
  /** Null when random draws from questions of different points make it vary between attempts. */
  maxPoints: number | null;
}

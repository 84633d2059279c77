import type { QuizSettingsValue, QuizSlotValue } from '../quizzes/attempts/quiz-settings.js';

/** A quiz the seed adds to a shipped course, with questions from a shipped GIFT bank. */
export interface SeedQuiz {
  courseSlug: string;
  /** The quiz closes this module (its position, from 1). */
  module: number;
  title: string;
  /** A bank in @archipelago/content's question-banks/, without `.gift`. */
  bank: string;
  slots: QuizSlotValue[];
  settings: Partial<QuizSettingsValue>;
}

/**
 * The demo quiz of journey 1: after the module on the dimensions of digital government, five
 * questions drawn from the digital-government bank, three attempts, 60% to pass. Passing it
 * completes the activity, which counts toward the course like any required lesson.
 */
export const DEMO_QUIZZES: SeedQuiz[] = [
  {
    courseSlug: 'innovation-digital-government',
    module: 4,
    title: 'Check your understanding: digital government',
    bank: 'digital-government',
    slots: [
      { kind: 'random', category: 'Digital government/Basics', count: 3 },
      { kind: 'random', category: 'Digital government/Data and trust', count: 1 },
      { kind: 'random', category: 'Digital government/Services', count: 1 },
    ],
    settings: {
      attemptsAllowed: 3,
      passingScore: 60,
      shuffleOptions: true,
      layout: 'one-per-page',
      feedback: 'after-submit',
      showCorrectAnswers: true,
      grade: 'highest',
      completion: 'pass',
    },
  },
];

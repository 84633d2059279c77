import type { ActivityKind } from '../../activities/activity-kinds.js';
import type { QuestionCopies } from '../bank/question-copies.service.js';
import type { QuestionVersions } from '../bank/question-versions.service.js';
import type { FrozenQuiz } from './frozen-quiz.js';
import { duplicateQuizzes } from './quiz-duplicate.js';
import { DEFAULT_SETTINGS } from './quiz-settings.js';
import { snapshotQuizzes } from './quiz-snapshot.js';

export const QUIZ_KIND = 'quiz';

/**
 * Questions from the course's bank, answered in attempts graded on the server (ADR 0014). A quiz
 * completes itself when an attempt meets its rules; learners cannot mark it completed.
 */
export function quizKind(bank: { versions: QuestionVersions; copies: QuestionCopies }): ActivityKind {
  return {
    kind: QUIZ_KIND,
    describe: { label: 'Quiz' },
    completedBy: 'kind',
    async onCreate(activityId, tx) {
      await tx.query(`INSERT INTO quiz_content (activity_id, settings) VALUES ($1, $2)`, [
        activityId,
        JSON.stringify(DEFAULT_SETTINGS),
      ]);
    },
    snapshot: (activityIds, tx) => snapshotQuizzes(bank.versions, activityIds, tx),
    duplicate: (copies, tx) => duplicateQuizzes(bank, copies, tx),
    // Never the slots: they name the questions (and a random draw's whole pool).
    present(content) {
      const quiz = content as unknown as FrozenQuiz;
      return {
        content: { settings: quiz.settings, questionCount: quiz.questionCount, maxPoints: quiz.maxPoints },
        reflections: [],
      };
    },
  };
}

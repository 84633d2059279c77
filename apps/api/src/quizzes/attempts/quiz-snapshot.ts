import type { EntityManager } from 'typeorm';
import type { ActivitySnapshot } from '../../activities/activity-kinds.js';
import type { FrozenQuiz, FrozenSlot } from './frozen-quiz.js';
import type { CurrentQuestion, QuestionVersions } from '../bank/question-versions.service.js';
import { checkSettings, checkSlots, type QuizSlotValue } from './quiz-settings.js';

interface DraftRow {
  activityId: string;
  courseId: string;
  settings: unknown;
  slots: unknown;
}

/**
 * Freezes quizzes for a published version: settings and slots checked again, each fixed question
 * at its current version and each random draw's pool as it stands, in three queries for all of a
 * course's quizzes. The problems that block publishing are listed, not thrown.
 */
export async function snapshotQuizzes(
  questions: QuestionVersions,
  activityIds: string[],
  tx: EntityManager,
): Promise<Map<string, ActivitySnapshot>> {
  const rows = (await tx.query(
    `SELECT q.activity_id AS "activityId", m.course_id AS "courseId", q.settings, q.slots
       FROM quiz_content q JOIN activity a ON a.id = q.activity_id JOIN course_module m ON m.id = a.module_id
      WHERE q.activity_id = ANY($1)`,
    [activityIds],
  )) as DraftRow[];
  const drafts = rows.map((row) => ({
    ...row,
    checkedSettings: checkSettings(row.settings),
    checkedSlots: checkSlots(row.slots),
  }));
  const fixedIds = drafts.flatMap((d) =>
    d.checkedSlots.value.flatMap((slot) => (slot.kind === 'question' ? [slot.questionId] : [])),
  );
  const wanted = drafts.flatMap((d) =>
    d.checkedSlots.value.flatMap((slot) =>
      slot.kind === 'random' ? [{ courseId: d.courseId, category: slot.category }] : [],
    ),
  );
  const [current, pools] = [await questions.current(fixedIds, tx), await questions.pools(wanted, tx)];
  const snapshots = new Map<string, ActivitySnapshot>();
  for (const draft of drafts) {
    const problems = [...draft.checkedSettings.errors, ...draft.checkedSlots.errors].map(
      (e) => `${e.field}: ${e.message}`,
    );
    const frozen = freeze(draft.courseId, draft.checkedSlots.value, current, pools, problems);
    const settings = draft.checkedSettings.value;
    if (draft.checkedSlots.value.length === 0) problems.push('the quiz has no questions');
    if (settings.feedback === 'immediate' && frozen.essays > 0) {
      problems.push('a quiz with immediate feedback cannot hold essays, which nobody can check at once');
    }
    if (draft.checkedSlots.value.length > 0 && frozen.gradable === 0) {
      problems.push('the quiz has no question that earns points');
    }
    const content: FrozenQuiz = {
      settings,
      slots: frozen.slots,
      questionCount: frozen.questionCount,
      maxPoints: frozen.maxPoints,
    };
    snapshots.set(draft.activityId, {
      content: problems.length === 0 ? (content as unknown as Record<string, unknown>) : {},
      problems,
    });
  }
  return snapshots;
}

function freeze(
  courseId: string,
  slots: QuizSlotValue[],
  current: Map<string, CurrentQuestion>,
  pools: CurrentQuestion[],
  problems: string[],
) {
  const fixed = new Set(slots.flatMap((slot) => (slot.kind === 'question' ? [slot.questionId] : [])));
  const frozen: FrozenSlot[] = [];
  let questionCount = 0;
  let maxPoints: number | null = 0;
  let essays = 0;
  let gradable = 0;
  const asked = new Map<string, number>();
  const add = (points: number | null) => {
    if (maxPoints !== null) maxPoints = points === null ? null : maxPoints + points;
  };
  slots.forEach((slot, index) => {
    if (slot.kind === 'question') {
      const question = current.get(slot.questionId);
      if (!question || question.courseId !== courseId) {
        problems.push(`slot ${index + 1}: the question is not in this course's bank`);
        return;
      }
      if (question.archived) problems.push(`slot ${index + 1}: the question "${question.name}" is archived`);
      if (question.type === 'essay') essays += 1;
      const points = slot.points ?? question.points;
      if (question.gradable) {
        gradable += 1;
        add(points);
      }
      questionCount += 1;
      frozen.push({ kind: 'question', questionId: question.questionId, version: question.version, points });
      return;
    }
    const pool = pools.filter(
      (q) => q.courseId === courseId && q.category === slot.category && !fixed.has(q.questionId),
    );
    const wanted = (asked.get(slot.category) ?? 0) + slot.count;
    asked.set(slot.category, wanted);
    if (pool.length < wanted) {
      problems.push(
        `slot ${index + 1}: the category "${slot.category}" holds ${pool.length} question${pool.length === 1 ? '' : 's'} to draw from, the quiz asks for ${wanted}`,
      );
    }
    essays += pool.filter((q) => q.type === 'essay').length;
    gradable += pool.filter((q) => q.gradable).length;
    // The draw's points are known when the slot sets them or every candidate is worth the same.
    const worth = new Set(pool.map((q) => (q.gradable ? (slot.points ?? q.points) : 0)));
    add(worth.size === 1 ? [...worth][0]! * slot.count : null);
    questionCount += slot.count;
    frozen.push({
      kind: 'random',
      category: slot.category,
      count: slot.count,
      points: slot.points ?? null,
      pool: pool.map((q) => ({ questionId: q.questionId, version: q.version })),
    });
  });
  return { slots: frozen, questionCount, maxPoints: maxPoints as number | null, essays, gradable };
}

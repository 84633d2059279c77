import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { ActivityCompletion, type ActivityCompleted } from '../../learning/activity-completion.service.js';
import { Batcher } from '../../database/batcher.js';
import type { Question } from '../questions/index.js';
import { attemptTotals, gradeSlots, marked, type SlotGrade, type SlotToGrade } from './attempt-marks.js';
import { ATTEMPT_WITH_SLOTS, type AttemptRecord, type AttemptRow } from './attempt-records.js';
import { AttemptLayouts } from './attempt-layouts.service.js';
import { FrozenQuizzes } from './frozen-quizzes.service.js';
import {
  CLAIM_DUE_ATTEMPTS,
  LOCK_OPEN_ATTEMPTS,
  MARKS_OF_ATTEMPTS,
  WRITE_SUBMISSIONS,
} from './submission-queries.js';
import {
  SLOTS_TO_GRADE,
  SUBMITTED_ATTEMPTS,
  WRITE_MARKS,
  WRITE_TOTALS,
  type SubmittedAttempt,
} from './regrade-queries.js';
import { QuestionVersions } from '../bank/question-versions.service.js';

export { attemptTotals, type SlotGrade } from './attempt-marks.js';

/** One submission asked for: `auto` when nobody but the clock asked (the attempt is overdue). */
interface SubmitRequest {
  attemptId: string;
  auto: boolean;
}

/**
 * Submissions per batch (one transaction): as many as the other batched writes. Measured with 500
 * at once: batches of 50 cost more round trips, of 250 a longer wait for the first answers.
 */
const BATCH_SIZE = 100;

/** An open attempt locked for submission, with its slots' marks. */
interface LockedAttempt extends AttemptRow {
  marks: SlotToGrade[];
}

/** Locks the attempts still open among `ids`, then reads their slots' marks as the locks left them. */
async function lockOpenAttempts(tx: EntityManager, ids: readonly string[]): Promise<LockedAttempt[]> {
  const attempts = (await tx.query(LOCK_OPEN_ATTEMPTS, [ids])) as AttemptRow[];
  if (attempts.length === 0) return [];
  const rows = (await tx.query(MARKS_OF_ATTEMPTS, [attempts.map((a) => a.id)])) as {
    attemptId: string;
    marks: LockedAttempt['marks'];
  }[];
  const marksOf = new Map(rows.map((row) => [row.attemptId, row.marks]));
  return attempts.map((attempt) => ({ ...attempt, marks: marksOf.get(attempt.id) ?? [] }));
}

/**
 * Submitting and grading attempts, the one place an attempt's marks are computed: the learner's
 * submit, the deadline sweeper, any request that finds an attempt past its time, and (through the
 * exports) the results module's regrade and manual grading. Completion of the activity happens here,
 * in the same transaction, through the learning module's ActivityCompletion.
 */
@Injectable()
export class AttemptGrading {
  private readonly submissions: Batcher<SubmitRequest, AttemptRow | null>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly questions: QuestionVersions,
    private readonly quizzes: FrozenQuizzes,
    private readonly completion: ActivityCompletion,
    private readonly layouts: AttemptLayouts,
  ) {
    // Two batches at a time, unlike answer saves and progress writes (ADR 0013): a submission
    // waits on several round trips, and the API answers one batch while the database works on the
    // next. Two batches lock distinct attempts; should they ever deadlock on a learner's enrolment
    // (completing two quizzes at once), the database aborts one and the Batcher retries its
    // submissions one by one.
    this.submissions = new Batcher<SubmitRequest, AttemptRow | null>({
      run: (requests) => this.submitBatch(requests),
      keyOf: (request) => request.attemptId,
      concurrency: 2,
      maxSize: BATCH_SIZE,
    });
  }

  /** Seconds after the deadline during which answers still count. */
  get graceSeconds(): number {
    return this.config.QUIZ_GRACE_SECONDS;
  }

  /** Whether an open attempt's time (deadline and grace) is up at `now`. */
  overdue(attempt: { status: string; deadline: Date | null }, now: Date): boolean {
    return (
      attempt.status === 'open' &&
      attempt.deadline !== null &&
      now.getTime() > attempt.deadline.getTime() + this.graceSeconds * 1000
    );
  }

  /**
   * Submits the attempt and grades it, answering it as submitted (what a fresh read would answer);
   * null when it is not open (submitted already — a double click or a retry uses one attempt — or
   * missing). Concurrent submissions share one transaction (`submitBatch`); completions are
   * announced after it commits.
   */
  submit(attemptId: string, auto: boolean): Promise<AttemptRow | null> {
    return this.submissions.submit({ attemptId: attemptId.toLowerCase(), auto });
  }

  /**
   * For the sweeper: submits up to `limit` open attempts whose time (deadline and grace) is up, in
   * one transaction, skipping any that another transaction holds. Answers how many it submitted.
   */
  async submitDue(limit: number): Promise<number> {
    const { submitted, completed } = await this.db.transaction(async (tx) => {
      const due = (await tx.query(CLAIM_DUE_ATTEMPTS, [this.graceSeconds, limit])) as { id: string }[];
      if (due.length === 0) return { submitted: [], completed: [] };
      const locked = await lockOpenAttempts(
        tx,
        due.map((row) => row.id),
      );
      return this.submitLocked(tx, locked, () => true);
    });
    await this.afterCommit(submitted, completed);
    return submitted.length;
  }

  /** One batch of submissions: lock, grade in memory, write, complete; one result per request. */
  private async submitBatch(requests: readonly SubmitRequest[]): Promise<(AttemptRow | null)[]> {
    const autoOf = new Map(requests.map((r) => [r.attemptId, r.auto]));
    const { submitted, completed } = await this.db.transaction(async (tx) => {
      const locked = await lockOpenAttempts(tx, [...autoOf.keys()]);
      return this.submitLocked(tx, locked, (attempt) => autoOf.get(attempt.id) === true);
    });
    await this.afterCommit(submitted, completed);
    const byId = new Map(submitted.map((attempt) => [attempt.id, attempt]));
    return requests.map((r) => byId.get(r.attemptId) ?? null);
  }

  /**
   * Submits attempts locked in this transaction: their totals come from the marks stored with
   * each answer as it was saved (a slot still `pending`, saved before marks were stored, is graded
   * now). A few statements for the lot, whatever their number: totals written set-based,
   * activities completed set-based.
   */
  private async submitLocked(
    tx: EntityManager,
    locked: readonly LockedAttempt[],
    askedAuto: (attempt: AttemptRow) => boolean,
  ): Promise<{ submitted: AttemptRow[]; completed: ActivityCompleted[] }> {
    if (locked.length === 0) return { submitted: [], completed: [] };
    const pending = locked.flatMap((attempt) =>
      attempt.marks.filter((mark) => mark.grading === 'pending').map((mark) => ({ attempt, mark })),
    );
    const slots = pending.map(({ mark }) => mark);
    const graded = slots.length === 0 ? [] : gradeSlots(slots, await this.questions.bodies(slots, tx), false);
    const newMarks = graded.map((mark, i) => ({ attemptId: pending[i]!.attempt.id, ...mark }));
    const marksNow = new Map(newMarks.map((mark) => [`${mark.attemptId} ${mark.slot}`, mark]));
    const totals: object[] = [];
    const toComplete: { enrolmentId: string; activityId: string; at: Date }[] = [];
    const submitted: AttemptRow[] = [];
    for (const attempt of locked) {
      const quiz = await this.quizzes.of(attempt);
      const marks = attempt.marks.map((mark) => marksNow.get(`${attempt.id} ${mark.slot}`) ?? mark);
      const sums = attemptTotals(marks, quiz.settings.passingScore);
      const auto = askedAuto(attempt) || this.overdue(attempt, attempt.serverNow);
      totals.push({ id: attempt.id, auto, ...sums });
      if (quiz.settings.completion === 'submit' || sums.passed === true) {
        toComplete.push({
          enrolmentId: attempt.enrolmentId,
          activityId: attempt.activityId,
          at: attempt.serverNow,
        });
      }
      // As a read after the commit would answer it (submitted_at is the transaction's now()).
      const { marks: _marks, ...row } = attempt;
      submitted.push({
        ...row,
        status: 'submitted',
        submittedAt: attempt.serverNow,
        autoSubmitted: auto,
        points: sums.points,
        maxPoints: sums.maxPoints > 0 ? sums.maxPoints : attempt.maxPoints,
        score: sums.score,
        passed: sums.passed,
        pendingGrading: sums.pendingGrading,
      });
    }
    await tx.query(WRITE_SUBMISSIONS, [JSON.stringify(newMarks), JSON.stringify(totals)]);
    const completed = await this.completion.completeActivities(tx, toComplete);
    return { submitted, completed };
  }

  /** Announces course completions, and forgets layouts: they serve only open attempts' saves. */
  private async afterCommit(submitted: readonly AttemptRow[], completed: ActivityCompleted[]) {
    this.layouts.forget(submitted.map((attempt) => attempt.id));
    await this.completion.announce(completed);
  }

  /**
   * Grades submitted attempts (locked by the caller) again from their slots' (possibly moved)
   * question versions, keeping trainers' marks on essays, and settles their totals, all in a few
   * statements whatever their number: for the results module's regrade. Answers how many attempts
   * had a slot's mark change, and the completions to announce after commit.
   */
  async regradeIn(
    tx: EntityManager,
    attemptIds: readonly string[],
  ): Promise<{ changed: number; completed: ActivityCompleted[] }> {
    const attempts = (await tx.query(SUBMITTED_ATTEMPTS, [attemptIds])) as SubmittedAttempt[];
    if (attempts.length === 0) return { changed: 0, completed: [] };
    const slots = (await tx.query(SLOTS_TO_GRADE, [attempts.map((a) => a.id)])) as (SlotToGrade & {
      attemptId: string;
    })[];
    const bodies = await this.questions.bodies(slots, tx);
    const slotsOf = new Map<string, SlotToGrade[]>();
    for (const slot of slots) slotsOf.set(slot.attemptId, [...(slotsOf.get(slot.attemptId) ?? []), slot]);
    const marks: (SlotGrade & { attemptId: string })[] = [];
    const settled = attempts.map((attempt) => {
      const stored = slotsOf.get(attempt.id) ?? [];
      const grades = gradeSlots(stored, bodies, true);
      grades.forEach((g, i) => {
        if (!marked(stored[i]!, g)) marks.push({ attemptId: attempt.id, ...g });
      });
      return { attempt, grades };
    });
    await tx.query(WRITE_MARKS, [JSON.stringify(marks)]);
    const changed = new Set(marks.map((mark) => mark.attemptId)).size;
    return { changed, completed: await this.settle(tx, settled) };
  }

  /**
   * Recomputes a submitted attempt's totals from its slots as stored (after a trainer's manual
   * grade) and completes the activity if it now earns it. Announce the answer after commit.
   */
  async settleIn(tx: EntityManager, attemptId: string): Promise<ActivityCompleted | null> {
    const [attempt] = (await tx.query(`${SUBMITTED_ATTEMPTS} FOR UPDATE`, [
      [attemptId],
    ])) as SubmittedAttempt[];
    if (!attempt) return null;
    const grades = (await tx.query(SLOTS_TO_GRADE, [[attemptId]])) as SlotGrade[];
    const [completed] = await this.settle(tx, [{ attempt, grades }]);
    return completed ?? null;
  }

  /** An attempt with its slots as stored, or null; for the results module's review. */
  async load(attemptId: string, manager?: EntityManager): Promise<AttemptRecord | null> {
    const [row] = (await (manager ?? this.db.manager).query(ATTEMPT_WITH_SLOTS, [
      attemptId,
    ])) as AttemptRecord[];
    return row ?? null;
  }

  /** The question bodies an attempt's slots reference, keyed `questionId:version`. */
  questionsOf(attempt: Pick<AttemptRecord, 'slots'>): Promise<Map<string, Question>> {
    return this.questions.bodies(
      attempt.slots.map((s) => ({ questionId: s.questionId, version: s.version })),
    );
  }

  /**
   * Writes submitted attempts' totals in one statement, and completes the activities they now earn
   * (never undone): with completion 'submit', submitting completed the activity already.
   */
  private async settle(
    tx: EntityManager,
    settled: readonly { attempt: SubmittedAttempt; grades: readonly SlotGrade[] }[],
  ): Promise<ActivityCompleted[]> {
    const totals: object[] = [];
    const earned: { enrolmentId: string; activityId: string; at: Date }[] = [];
    const now = new Date();
    for (const { attempt, grades } of settled) {
      const quiz = await this.quizzes.of(attempt);
      const sums = attemptTotals(grades, quiz.settings.passingScore);
      totals.push({ id: attempt.id, ...sums });
      if (quiz.settings.completion !== 'submit' && sums.passed === true) {
        earned.push({ enrolmentId: attempt.enrolmentId, activityId: attempt.activityId, at: now });
      }
    }
    await tx.query(WRITE_TOTALS, [JSON.stringify(totals)]);
    return this.completion.completeActivities(tx, earned);
  }
}

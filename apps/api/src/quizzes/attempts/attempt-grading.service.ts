import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { ActivityCompletion, type ActivityCompleted } from '../../learning/activity-completion.service.js';
import { Batcher } from '../../database/batcher.js';
import type { Question } from '../questions/index.js';
import { attemptTotals, gradeSlots, type SlotGrade, type SlotToGrade } from './attempt-marks.js';
import { ATTEMPT_WITH_SLOTS, type AttemptRecord } from './attempt-records.js';
import { AttemptLayouts } from './attempt-layouts.service.js';
import { FrozenQuizzes } from './frozen-quizzes.service.js';
import { CLAIM_DUE_ATTEMPTS, LOCK_OPEN_ATTEMPTS, WRITE_SUBMISSIONS } from './submission-queries.js';
import { QuestionVersions } from '../bank/question-versions.service.js';

export { attemptTotals, type SlotGrade } from './attempt-marks.js';

/** One submission asked for: `auto` when nobody but the clock asked (the attempt is overdue). */
interface SubmitRequest {
  attemptId: string;
  auto: boolean;
}

/**
 * Submissions per batch (one transaction): as many as the other batched writes. Smaller batches
 * cost more round trips; larger ones a longer burst rendering their answers.
 */
const BATCH_SIZE = 100;

/**
 * Submitting and grading attempts, the one place an attempt's marks are computed: the learner's
 * submit, the deadline sweeper, any request that finds an attempt past its time, and (through the
 * exports) the results module's regrade and manual grading. Completion of the activity happens here,
 * in the same transaction, through the learning module's ActivityCompletion.
 */
@Injectable()
export class AttemptGrading {
  private readonly submissions: Batcher<SubmitRequest, AttemptRecord | null>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly questions: QuestionVersions,
    private readonly quizzes: FrozenQuizzes,
    private readonly completion: ActivityCompletion,
    private readonly layouts: AttemptLayouts,
  ) {
    // One batch at a time, as answer saves and progress writes (ADR 0013): two batches never wait
    // on each other's row locks (enrolments, when they complete courses), and what arrives
    // meanwhile shares the next transaction. Two at a time measured no faster: the event loop,
    // rendering 500 answers, is the bottleneck, not the database.
    this.submissions = new Batcher<SubmitRequest, AttemptRecord | null>({
      run: (requests) => this.submitBatch(requests),
      keyOf: (request) => request.attemptId,
      concurrency: 1,
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
  submit(attemptId: string, auto: boolean): Promise<AttemptRecord | null> {
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
      const locked = (await tx.query(LOCK_OPEN_ATTEMPTS, [due.map((row) => row.id)])) as AttemptRecord[];
      return this.submitLocked(tx, locked, () => true);
    });
    await this.afterCommit(submitted, completed);
    return submitted.length;
  }

  /** One batch of submissions: lock, grade in memory, write, complete; one result per request. */
  private async submitBatch(requests: readonly SubmitRequest[]): Promise<(AttemptRecord | null)[]> {
    const autoOf = new Map(requests.map((r) => [r.attemptId, r.auto]));
    const { submitted, completed } = await this.db.transaction(async (tx) => {
      const locked = (await tx.query(LOCK_OPEN_ATTEMPTS, [[...autoOf.keys()]])) as AttemptRecord[];
      return this.submitLocked(tx, locked, (attempt) => autoOf.get(attempt.id) === true);
    });
    await this.afterCommit(submitted, completed);
    const byId = new Map(submitted.map((attempt) => [attempt.id, attempt]));
    return requests.map((r) => byId.get(r.attemptId) ?? null);
  }

  /**
   * Submits attempts locked (with their slots) in this transaction: three statements for the lot,
   * whatever their number — grades and totals written set-based, activities completed set-based.
   */
  private async submitLocked(
    tx: EntityManager,
    locked: readonly AttemptRecord[],
    askedAuto: (attempt: AttemptRecord) => boolean,
  ): Promise<{ submitted: AttemptRecord[]; completed: ActivityCompleted[] }> {
    if (locked.length === 0) return { submitted: [], completed: [] };
    const bodies = await this.questions.bodies(
      locked.flatMap((attempt) =>
        attempt.slots.map((s) => ({ questionId: s.questionId, version: s.version })),
      ),
      tx,
    );
    const slotGrades: (SlotGrade & { attemptId: string })[] = [];
    const totals: object[] = [];
    const toComplete: { enrolmentId: string; activityId: string; at: Date }[] = [];
    const submitted: AttemptRecord[] = [];
    for (const attempt of locked) {
      const quiz = await this.quizzes.of(attempt);
      const grades = gradeSlots(attempt.slots, bodies, false);
      const sums = attemptTotals(grades, quiz.settings.passingScore);
      const auto = askedAuto(attempt) || this.overdue(attempt, attempt.serverNow);
      for (const g of grades) slotGrades.push({ attemptId: attempt.id, ...g });
      totals.push({ id: attempt.id, auto, ...sums });
      const earned = quiz.settings.completion === 'submit' || sums.passed === true;
      if (earned) {
        toComplete.push({
          enrolmentId: attempt.enrolmentId,
          activityId: attempt.activityId,
          at: attempt.serverNow,
        });
      }
      // As a read after the commit would answer it (submitted_at is the transaction's now()).
      submitted.push({
        ...attempt,
        status: 'submitted',
        submittedAt: attempt.serverNow,
        autoSubmitted: auto,
        points: sums.points,
        maxPoints: sums.maxPoints > 0 ? sums.maxPoints : attempt.maxPoints,
        score: sums.score,
        passed: sums.passed,
        pendingGrading: sums.pendingGrading,
        slots: attempt.slots.map((slot, i) => ({
          ...slot,
          locked: true,
          grading: grades[i]!.grading,
          fraction: grades[i]!.fraction,
          points: grades[i]!.points,
        })),
      });
    }
    await tx.query(WRITE_SUBMISSIONS, [JSON.stringify(slotGrades), JSON.stringify(totals)]);
    const completed = await this.completion.completeActivities(tx, toComplete);
    return { submitted, completed };
  }

  /** Announces course completions, and forgets layouts: they serve only open attempts' saves. */
  private async afterCommit(submitted: readonly AttemptRecord[], completed: ActivityCompleted[]) {
    this.layouts.forget(submitted.map((attempt) => attempt.id));
    await this.completion.announce(completed);
  }

  /**
   * Grades a submitted attempt again from its slots' (possibly moved) question versions, keeping
   * trainers' marks on essays, and settles its totals: for the results module's regrade. Answers
   * whether any slot's points changed, and the completion to announce after commit.
   */
  async regradeIn(
    tx: EntityManager,
    attemptId: string,
  ): Promise<{ changed: boolean; completed: ActivityCompleted | null }> {
    const [attempt] = (await tx.query(
      `SELECT id, status, enrolment_id AS "enrolmentId", activity_id AS "activityId", version_id AS "versionId"
         FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
      [attemptId],
    )) as { id: string; status: string; enrolmentId: string; activityId: string; versionId: string }[];
    if (!attempt || attempt.status !== 'submitted') return { changed: false, completed: null };
    const slots = (await tx.query(
      `SELECT slot, question_id AS "questionId", question_version AS version, max_points::float8 AS "maxPoints",
              response, grading, fraction::float8 AS fraction, points::float8 AS points, graded_by AS "gradedBy"
         FROM quiz_attempt_slot WHERE attempt_id = $1 ORDER BY slot`,
      [attemptId],
    )) as SlotToGrade[];
    const grades = gradeSlots(slots, await this.questions.bodies(slots, tx), true);
    const changed = grades.some((g, i) => g.points !== slots[i]!.points || g.grading !== slots[i]!.grading);
    await this.writeGrades(tx, attemptId, grades);
    return { changed, completed: await this.settle(tx, attemptId, grades, attempt) };
  }

  /**
   * Recomputes a submitted attempt's totals from its slots as stored (after a trainer's manual
   * grade) and completes the activity if it now earns it. Announce the answer after commit.
   */
  async settleIn(tx: EntityManager, attemptId: string): Promise<ActivityCompleted | null> {
    const [attempt] = (await tx.query(
      `SELECT id, status, enrolment_id AS "enrolmentId", activity_id AS "activityId", version_id AS "versionId"
         FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
      [attemptId],
    )) as { id: string; status: string; enrolmentId: string; activityId: string; versionId: string }[];
    if (!attempt || attempt.status !== 'submitted') return null;
    const grades = (await tx.query(
      `SELECT slot, grading, fraction::float8 AS fraction, points::float8 AS points, max_points::float8 AS "maxPoints"
         FROM quiz_attempt_slot WHERE attempt_id = $1 ORDER BY slot`,
      [attemptId],
    )) as SlotGrade[];
    return this.settle(tx, attemptId, grades, attempt);
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

  private async writeGrades(tx: EntityManager, attemptId: string, grades: SlotGrade[]): Promise<void> {
    await tx.query(
      `UPDATE quiz_attempt_slot s SET grading = g.grading, fraction = g.fraction, points = g.points
         FROM jsonb_to_recordset($2::jsonb) AS g(slot int, grading text, fraction numeric, points numeric)
        WHERE s.attempt_id = $1 AND s.slot = g.slot`,
      [attemptId, JSON.stringify(grades)],
    );
  }

  /** Writes the totals and completes the activity when the attempt earns it (never undone). */
  private async settle(
    tx: EntityManager,
    attemptId: string,
    grades: SlotGrade[],
    attempt: { enrolmentId: string; activityId: string; versionId: string },
  ): Promise<ActivityCompleted | null> {
    const quiz = await this.quizzes.of(attempt);
    const totals = attemptTotals(grades, quiz.settings.passingScore);
    await tx.query(
      `UPDATE quiz_attempt SET points = $2, max_points = CASE WHEN $3 > 0 THEN $3 ELSE max_points END,
              score = $4, passed = $5, pending_grading = $6
        WHERE id = $1`,
      [attemptId, totals.points, totals.maxPoints, totals.score, totals.passed, totals.pendingGrading],
    );
    // With completion 'submit', submitting completed the activity; otherwise passing now does.
    if (quiz.settings.completion === 'submit' || totals.passed !== true) return null;
    return this.completion.completeActivity(tx, attempt.enrolmentId, attempt.activityId, new Date());
  }
}

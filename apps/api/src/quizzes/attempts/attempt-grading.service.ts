import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { ActivityCompletion, type ActivityCompleted } from '../../learning/activity-completion.service.js';
import { grade, type Question, type Response } from '../questions/index.js';
import { withPoints } from './attempt-feedback.js';
import { ATTEMPT_WITH_SLOTS, type AttemptRecord, type SlotGrading } from './attempt-records.js';
import { questionKey } from './attempt-view.js';
import { FrozenQuizzes } from './frozen-quizzes.service.js';
import { QuestionVersions } from '../bank/question-versions.service.js';

/** A slot's grade as stored. */
export interface SlotGrade {
  slot: number;
  grading: SlotGrading;
  fraction: number | null;
  points: number | null;
  maxPoints: number;
}

interface LockedSlot {
  slot: number;
  questionId: string;
  version: number;
  maxPoints: number;
  response: Response | null;
  grading: SlotGrading;
  fraction: number | null;
  points: number | null;
  gradedBy: string | null;
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** An attempt's totals from its slots' grades: ungraded slots count toward nothing. */
export function attemptTotals(slots: readonly SlotGrade[], passingScore: number) {
  const counted = slots.filter((slot) => slot.grading !== 'ungraded');
  const maxPoints = counted.reduce((sum, slot) => sum + slot.maxPoints, 0);
  const points = round(
    counted.reduce((sum, slot) => sum + (slot.grading === 'graded' ? (slot.points ?? 0) : 0), 0),
    2,
  );
  const pendingGrading = counted.filter(
    (slot) => slot.grading === 'needs-grading' || slot.grading === 'pending',
  ).length;
  const score = pendingGrading > 0 || maxPoints <= 0 ? null : round(Math.min(1, points / maxPoints), 6);
  // A hair of tolerance so that 7/10 passes at 70 despite binary fractions.
  const passed = score === null ? null : score * 100 + 1e-9 >= passingScore;
  return { points, maxPoints, pendingGrading, score, passed };
}

/**
 * Submitting and grading attempts, the one place an attempt's marks are computed: the learner's
 * submit, the deadline sweeper, any request that finds an attempt past its time, and (through the
 * exports) the results module's regrade and manual grading. Completion of the activity happens here,
 * in the same transaction, through the learning module's ActivityCompletion.
 */
@Injectable()
export class AttemptGrading {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly questions: QuestionVersions,
    private readonly quizzes: FrozenQuizzes,
    private readonly completion: ActivityCompletion,
  ) {}

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
   * Submits the attempt and grades it; an attempt submitted already is left as it is, so a double
   * click or a retry uses one attempt. Course completions are announced after commit.
   */
  async submit(attemptId: string, auto: boolean): Promise<void> {
    const completed = await this.db.transaction((tx) => this.submitIn(tx, attemptId, auto));
    if (completed) await this.completion.announce(completed);
  }

  /** Inside the caller's transaction; announce the answer (`ActivityCompletion.announce`) after commit. */
  async submitIn(tx: EntityManager, attemptId: string, auto: boolean): Promise<ActivityCompleted | null> {
    const [attempt] = (await tx.query(
      `SELECT id, status, enrolment_id AS "enrolmentId", activity_id AS "activityId", version_id AS "versionId"
         FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
      [attemptId],
    )) as { id: string; status: string; enrolmentId: string; activityId: string; versionId: string }[];
    if (!attempt || attempt.status !== 'open') return null;
    // Locking every slot waits for answer saves in flight and refuses later ones; the rows it
    // answers hold the last responses saved.
    const [slots] = (await tx.query(
      `UPDATE quiz_attempt_slot SET locked = true WHERE attempt_id = $1
       RETURNING slot, question_id AS "questionId", question_version AS version, max_points::float8 AS "maxPoints",
                 response, grading, fraction::float8 AS fraction, points::float8 AS points, graded_by AS "gradedBy"`,
      [attemptId],
    )) as [LockedSlot[], number];
    const grades = await this.grade(slots, tx, false);
    await this.writeGrades(tx, attemptId, grades);
    await tx.query(
      `UPDATE quiz_attempt SET status = 'submitted', submitted_at = now(), auto_submitted = $2 WHERE id = $1`,
      [attemptId, auto],
    );
    return this.settle(tx, attemptId, grades, attempt, true);
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
    )) as LockedSlot[];
    const grades = await this.grade(slots, tx, true);
    const changed = grades.some((g, i) => g.points !== slots[i]!.points || g.grading !== slots[i]!.grading);
    await this.writeGrades(tx, attemptId, grades);
    return { changed, completed: await this.settle(tx, attemptId, grades, attempt, false) };
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
    return this.settle(tx, attemptId, grades, attempt, false);
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

  private async grade(slots: LockedSlot[], tx: EntityManager, keepManual: boolean): Promise<SlotGrade[]> {
    const bodies = await this.questions.bodies(
      slots.map((s) => ({ questionId: s.questionId, version: s.version })),
      tx,
    );
    return slots.map((slot) => {
      if (keepManual && slot.gradedBy !== null) {
        return {
          slot: slot.slot,
          grading: slot.grading,
          fraction: slot.fraction,
          points: slot.points,
          maxPoints: slot.maxPoints,
        };
      }
      const question = bodies.get(questionKey(slot))!;
      const result = grade(withPoints(question, slot.maxPoints), slot.response);
      return result.status === 'graded'
        ? {
            slot: slot.slot,
            grading: 'graded',
            fraction: result.fraction,
            points: result.points,
            maxPoints: slot.maxPoints,
          }
        : {
            slot: slot.slot,
            grading: result.status,
            fraction: null,
            points: null,
            maxPoints: slot.maxPoints,
          };
    });
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
    submittedNow: boolean,
  ): Promise<ActivityCompleted | null> {
    const quiz = await this.quizzes.of(attempt);
    const totals = attemptTotals(grades, quiz.settings.passingScore);
    await tx.query(
      `UPDATE quiz_attempt SET points = $2, max_points = CASE WHEN $3 > 0 THEN $3 ELSE max_points END,
              score = $4, passed = $5, pending_grading = $6
        WHERE id = $1`,
      [attemptId, totals.points, totals.maxPoints, totals.score, totals.passed, totals.pendingGrading],
    );
    const earned = quiz.settings.completion === 'submit' ? submittedNow : totals.passed === true;
    if (!earned) return null;
    return this.completion.completeActivity(tx, attempt.enrolmentId, attempt.activityId, new Date());
  }
}

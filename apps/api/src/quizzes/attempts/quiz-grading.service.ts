import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { CoursesService, type ActivityPlace } from '../../courses/courses.service.js';
import { PublishedVersionsService } from '../../courses/published-versions.service.js';
import type { CourseCompletedPayload, DomainEvent } from '../../events/domain-event.js';
import { ActivityCompletion } from '../../learning/activity-completion.service.js';
import { MailService } from '../../notifications/mail.service.js';
import { mailPhrase } from '../../notifications/mail-templates.js';
import { grade, type Response } from '../questions/index.js';
import type { FrozenQuiz } from './frozen-quiz.js';
import { QuizQuestions } from './quiz-questions.js';
import { ATTEMPT_TOTALS } from './quiz-grading.queries.js';

export interface ManualGrade {
  points: number;
  comment?: string;
}

export interface RegradeOutcome {
  attempts: number;
  changed: number;
  version: number;
}

interface LockedAttempt {
  id: string;
  enrolmentId: string;
  userId: string;
  activityId: string;
  versionId: string;
  number: number;
  status: 'open' | 'submitted';
  passed: boolean | null;
}

interface TotalsRow {
  id: string;
  enrolmentId: string;
  versionId: string;
  passedBefore: boolean | null;
  passed: boolean | null;
  pointsBefore: number | null;
  points: number | null;
}

type CourseCompleted = DomainEvent<CourseCompletedPayload>;

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The trainer's side of grading: a mark given by hand (essays, or correcting any answer) and
 * regrading a question in every submitted attempt after it was fixed. Both recompute the attempts'
 * totals in the same transaction, and an attempt that passes because of them completes the
 * activity, as a submission that passed would (completion is never undone).
 */
@Injectable()
export class QuizGradingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly versions: PublishedVersionsService,
    private readonly questions: QuizQuestions,
    private readonly completion: ActivityCompletion,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async gradeSlot(
    attemptId: string,
    slot: number,
    input: ManualGrade,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<void> {
    const events = await this.db.transaction(async (tx) => {
      const attempt = await this.lockAttempt(tx, attemptId);
      const place = await this.authorPlace(attempt, auth, tx);
      if (attempt.status !== 'submitted') {
        throw invalid(
          'attemptId',
          'the attempt is still open',
          'This attempt is still in progress; mark it once it is submitted.',
        );
      }
      const [target] = (await tx.query(
        `SELECT max_points::float8 AS "maxPoints", grading FROM quiz_attempt_slot WHERE attempt_id = $1 AND slot = $2`,
        [attemptId, slot],
      )) as { maxPoints: number; grading: string }[];
      if (!target) {
        throw new ProblemException({
          status: 404,
          type: ProblemType.NotFound,
          detail: `Attempt ${attemptId} has no question ${slot}.`,
        });
      }
      if (target.grading === 'ungraded') {
        throw invalid(
          'slot',
          'this answer is collected without a mark',
          `Question ${slot} is not graded: it carries no points.`,
        );
      }
      if (input.points > target.maxPoints) {
        throw invalid(
          'points',
          `points must be at most ${target.maxPoints}`,
          `Question ${slot} is worth ${target.maxPoints} points at most.`,
        );
      }
      await tx.query(
        `UPDATE quiz_attempt_slot
            SET grading = 'graded', points = $3, fraction = $3 / max_points, comment = $4,
                graded_by = $5, graded_at = now()
          WHERE attempt_id = $1 AND slot = $2`,
        [attemptId, slot, input.points, input.comment?.trim() || null, auth.userId],
      );
      const [totals] = await this.recompute(tx, [attempt]);
      const completed = await this.completeIfPassed(tx, totals ? [totals] : []);
      await this.audit.record(
        {
          action: 'quiz.answer.graded',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'quiz_attempt', id: attemptId },
          institutionId: place.institutionId,
          client,
          details: { activityId: attempt.activityId, slot, points: input.points },
        },
        tx,
      );
      await this.tellLearner(tx, attempt, place, slot, input, target.maxPoints, auth);
      return completed;
    });
    await this.announce(events);
  }

  async regrade(
    activityId: string,
    questionId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<RegradeOutcome> {
    const place = await this.quizPlace(activityId, auth);
    const current = (await this.questions.current([questionId])).get(questionId);
    if (!current || current.courseId !== place.courseId) {
      throw invalid(
        'questionId',
        'no such question in this course',
        `There is no question ${questionId} in this course's bank.`,
      );
    }
    const question = await this.questions.version({ questionId, version: current.version });
    const { outcome, events } = await this.db.transaction(async (tx) => {
      const attempts = (await tx.query(
        `SELECT a.id, a.enrolment_id AS "enrolmentId", a.user_id AS "userId", a.activity_id AS "activityId",
                a.version_id AS "versionId", a.number, a.status, a.passed
           FROM quiz_attempt a
          WHERE a.activity_id = $1 AND a.status = 'submitted'
            AND EXISTS (SELECT 1 FROM quiz_attempt_slot s WHERE s.attempt_id = a.id AND s.question_id = $2)
          ORDER BY a.id
          FOR UPDATE`,
        [activityId, questionId],
      )) as LockedAttempt[];
      const slots = (await tx.query(
        `SELECT attempt_id AS "attemptId", slot, response, max_points::float8 AS "maxPoints",
                graded_by IS NOT NULL AS "byHand"
           FROM quiz_attempt_slot WHERE attempt_id = ANY($1) AND question_id = $2`,
        [attempts.map((a) => a.id), questionId],
      )) as {
        attemptId: string;
        slot: number;
        response: Response | null;
        maxPoints: number;
        byHand: boolean;
      }[];
      for (const s of slots) {
        const result = grade(question, s.response);
        // A mark a trainer gave stays; only the version moves.
        if (s.byHand || result.status !== 'graded') {
          await tx.query(
            `UPDATE quiz_attempt_slot
                SET question_version = $3,
                    grading = CASE WHEN graded_by IS NOT NULL THEN grading ELSE $4 END,
                    fraction = CASE WHEN graded_by IS NOT NULL THEN fraction END,
                    points = CASE WHEN graded_by IS NOT NULL THEN points END
              WHERE attempt_id = $1 AND slot = $2`,
            [s.attemptId, s.slot, current.version, result.status === 'graded' ? 'graded' : result.status],
          );
          continue;
        }
        await tx.query(
          `UPDATE quiz_attempt_slot SET question_version = $3, grading = 'graded', fraction = $4, points = $5
            WHERE attempt_id = $1 AND slot = $2`,
          [s.attemptId, s.slot, current.version, result.fraction, round2(result.fraction * s.maxPoints)],
        );
      }
      const totals = await this.recompute(tx, attempts);
      const completed = await this.completeIfPassed(tx, totals);
      const changed = totals.filter((t) => t.points !== t.pointsBefore).length;
      await this.audit.record(
        {
          action: 'quiz.regraded',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'activity', id: activityId },
          institutionId: place.institutionId,
          client,
          details: { questionId, version: current.version, attempts: attempts.length, changed },
        },
        tx,
      );
      return { outcome: { attempts: attempts.length, changed, version: current.version }, events: completed };
    });
    await this.announce(events);
    return outcome;
  }

  private announce(events: CourseCompleted[]): Promise<void> {
    return this.completion.announce({ newlyCompleted: events.length > 0, courseCompletedAt: null, events });
  }

  /** Totals from the slots; the pass mark from the version the attempt was taken on. */
  private async recompute(tx: EntityManager, attempts: LockedAttempt[]): Promise<TotalsRow[]> {
    if (attempts.length === 0) return [];
    const passing = new Map<string, number>();
    for (const attempt of attempts) {
      const key = `${attempt.versionId}:${attempt.activityId}`;
      if (passing.has(key)) continue;
      const stored = await this.versions.activityContent(attempt.versionId, attempt.activityId);
      passing.set(key, (stored?.content as unknown as FrozenQuiz | undefined)?.settings.passingScore ?? 100);
    }
    return (await tx.query(ATTEMPT_TOTALS, [
      attempts.map((a) => a.id),
      attempts.map((a) => passing.get(`${a.versionId}:${a.activityId}`)!),
    ])) as TotalsRow[];
  }

  private async completeIfPassed(tx: EntityManager, totals: TotalsRow[]): Promise<CourseCompleted[]> {
    const events: CourseCompleted[] = [];
    const activityOf = new Map<string, string>();
    for (const row of totals) {
      if (row.passed !== true || row.passedBefore === true) continue;
      let activityId = activityOf.get(row.id);
      if (!activityId) {
        const [found] = (await tx.query(
          `SELECT activity_id AS "activityId" FROM quiz_attempt WHERE id = $1`,
          [row.id],
        )) as { activityId: string }[];
        activityId = found!.activityId;
        activityOf.set(row.id, activityId);
      }
      const done = await this.completion.completeActivity(tx, row.enrolmentId, activityId, new Date());
      events.push(...done.events);
    }
    return events;
  }

  private async tellLearner(
    tx: EntityManager,
    attempt: LockedAttempt,
    place: ActivityPlace,
    slot: number,
    input: ManualGrade,
    maxPoints: number,
    auth: AuthContext,
  ): Promise<void> {
    const [learner] = (await tx.query(
      `SELECT email, display_name AS "displayName", preferred_language AS language
         FROM account_principal WHERE user_id = $1`,
      [attempt.userId],
    )) as { email: string; displayName: string; language: string }[];
    if (!learner) return;
    const [course] = (await tx.query(`SELECT slug FROM course_version_outline WHERE version_id = $1`, [
      attempt.versionId,
    ])) as { slug: string }[];
    const comment = input.comment?.trim();
    await this.mail.send(
      {
        to: learner.email,
        template: 'quizGraded',
        language: learner.language,
        params: {
          name: learner.displayName,
          grader: auth.displayName,
          quiz: place.title,
          course: place.courseTitle,
          slot: String(slot),
          attempt: String(attempt.number),
          points: String(input.points),
          maxPoints: String(maxPoints),
          comment: comment ? mailPhrase(learner.language, 'quizGraded.commentPrefix', { text: comment }) : '',
        },
        actionUrl: course
          ? `${this.config.PUBLIC_URL}/learn/${encodeURIComponent(course.slug)}/${attempt.activityId}/attempts/${attempt.id}`
          : undefined,
      },
      tx,
    );
  }

  private async lockAttempt(tx: EntityManager, attemptId: string): Promise<LockedAttempt> {
    const [attempt] = (await tx.query(
      `SELECT id, enrolment_id AS "enrolmentId", user_id AS "userId", activity_id AS "activityId",
              version_id AS "versionId", number, status, passed
         FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
      [attemptId],
    )) as LockedAttempt[];
    if (!attempt) throw attemptNotFound(attemptId);
    return attempt;
  }

  private async authorPlace(
    attempt: LockedAttempt,
    auth: AuthContext,
    tx: EntityManager,
  ): Promise<ActivityPlace> {
    try {
      return await this.quizPlace(attempt.activityId, auth, tx);
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 404)
        throw attemptNotFound(attempt.id);
      throw error;
    }
  }

  private async quizPlace(activityId: string, auth: AuthContext, tx?: EntityManager): Promise<ActivityPlace> {
    const place = await this.courses.activityPlace(activityId, auth, tx);
    if (place.kind !== 'quiz') {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `Activity ${activityId} is a ${place.kind}, not a quiz.`,
      });
    }
    return place;
  }
}

const attemptNotFound = (attemptId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no quiz attempt ${attemptId} that you may grade.`,
  });

const invalid = (field: string, message: string, detail: string) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail,
    errors: [{ field, message, in: field === 'attemptId' || field === 'slot' ? 'params' : 'body' }],
  });

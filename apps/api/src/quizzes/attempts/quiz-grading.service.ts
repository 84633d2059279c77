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
import { ActivityCompletion } from '../../learning/activity-completion.service.js';
import { MailService } from '../../notifications/mail.service.js';
import { mailPhrase } from '../../notifications/mail-templates.js';
import { AttemptGrading } from './attempt-grading.service.js';
import { QUIZ_KIND } from './quiz.kind.js';
import { AttemptLayouts } from './attempt-layouts.service.js';
import { QuestionVersions } from '../bank/question-versions.service.js';

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
    private readonly questions: QuestionVersions,
    private readonly grading: AttemptGrading,
    private readonly layouts: AttemptLayouts,
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
      const completed = await this.grading.settleIn(tx, attemptId);
      await this.audit.record(
        {
          action: 'quiz_answer.graded',
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
    if (events) await this.completion.announce(events);
  }

  async regrade(
    activityId: string,
    questionId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<RegradeOutcome> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, QUIZ_KIND);
    const current = (await this.questions.current([questionId])).get(questionId);
    if (!current || current.courseId !== place.courseId) {
      throw invalid(
        'questionId',
        'no such question in this course',
        `There is no question ${questionId} in this course's bank.`,
      );
    }
    const { outcome, completions, attemptIds } = await this.db.transaction(async (tx) => {
      const attempts = (await tx.query(
        `SELECT a.id FROM quiz_attempt a
          WHERE a.activity_id = $1 AND a.status = 'submitted'
            AND EXISTS (SELECT 1 FROM quiz_attempt_slot s WHERE s.attempt_id = a.id AND s.question_id = $2)
          ORDER BY a.id
          FOR UPDATE`,
        [activityId, questionId],
      )) as { id: string }[];
      const ids = attempts.map((a) => a.id);
      await tx.query(
        `UPDATE quiz_attempt_slot SET question_version = $3 WHERE attempt_id = ANY($1) AND question_id = $2`,
        [ids, questionId, current.version],
      );
      const { changed, completed: done } = await this.grading.regradeIn(tx, ids);
      await this.audit.record(
        {
          action: 'quiz.regraded',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'activity', id: activityId },
          institutionId: place.institutionId,
          client,
          details: { questionId, version: current.version, attempts: ids.length, changed },
        },
        tx,
      );
      return {
        outcome: { attempts: ids.length, changed, version: current.version },
        completions: done,
        attemptIds: ids,
      };
    });
    // Learners reading their result must see the question version it is graded on now.
    this.layouts.forget(attemptIds);
    for (const completed of completions) await this.completion.announce(completed);
    return outcome;
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
      return await this.courses.activityPlace(attempt.activityId, auth, tx, QUIZ_KIND);
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 404)
        throw attemptNotFound(attempt.id);
      throw error;
    }
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

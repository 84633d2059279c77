import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import { PageQuery } from '../common/pagination/page.dto.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { CoursesService } from '../courses/courses.service.js';
import { PublishedVersionsService } from '../courses/published-versions.service.js';
import { CompletionService } from './completion.service.js';
import type {
  AccessRequestPage,
  AccessRequestQuery,
  AccessRequestView,
  CourseLearnerPage,
  MoveLearnersRequest,
  MoveLearnersResult,
} from './course-learners.dto.js';
import { EnrolmentSource } from './enrolment.entity.js';
import { summarize } from './progress-view.js';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/**
 * A course's learners as its trainers see them: who is enrolled, on which version, how far they
 * are; moving them to a newer version; deciding access requests. Trainers see progress, never
 * learners' reflection answers.
 */
@Injectable()
export class CourseLearnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly versions: PublishedVersionsService,
    private readonly completion: CompletionService,
    private readonly audit: AuditService,
  ) {}

  async list(courseId: string, query: PageQuery, auth: AuthContext): Promise<CourseLearnerPage> {
    await this.courses.authored(courseId, auth);
    const rows = (await this.db.query(
      `SELECT e.id, p.display_name AS "displayName", p.email, e.version_id AS "versionId", e.source,
              e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", e.last_visited_at AS "lastVisitedAt",
              COALESCE((SELECT json_agg(json_build_array(ap.activity_id, ap.status))
                          FROM activity_progress ap WHERE ap.enrolment_id = e.id), '[]') AS progress,
              count(*) OVER ()::int AS total
         FROM enrolment e JOIN account_principal p ON p.user_id = e.user_id
        WHERE e.course_id = $1
        ORDER BY lower(p.display_name), p.email
        LIMIT $2 OFFSET $3`,
      [courseId, query.pageSize, (query.page - 1) * query.pageSize],
    )) as {
      id: string;
      displayName: string;
      email: string;
      versionId: string;
      source: string;
      enrolledAt: Date;
      completedAt: Date | null;
      lastVisitedAt: Date | null;
      progress: [string, 'started' | 'completed'][];
      total: number;
    }[];
    const outlines = await this.versions.outlines(rows.map((row) => row.versionId));
    const [latest] = (await this.db.query(
      `SELECT max(number) AS number FROM course_version_outline WHERE course_id = $1`,
      [courseId],
    )) as { number: number | null }[];
    return {
      items: rows.map((row) => {
        const outline = outlines.get(row.versionId)!;
        return {
          id: row.id,
          displayName: row.displayName,
          email: row.email,
          version: outline.number,
          source: row.source,
          enrolledAt: row.enrolledAt.toISOString(),
          completedAt: iso(row.completedAt),
          lastVisitedAt: iso(row.lastVisitedAt),
          progress: summarize(outline.requiredIds, new Map(row.progress)),
        };
      }),
      page: query.page,
      pageSize: query.pageSize,
      total: rows[0]?.total ?? 0,
      latestVersion: latest?.number ?? null,
    };
  }

  /**
   * Moves learners onto a version. Their progress stays, keyed by activity id: what they completed
   * in activities the new version still has counts; completion is never taken away, and learners
   * whose required activities are all done in the new version complete the course now.
   */
  async move(
    courseId: string,
    input: MoveLearnersRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<MoveLearnersResult> {
    const course = await this.courses.authored(courseId, auth);
    const versionId = await this.versions.versionByNumber(courseId, input.version);
    if (!versionId) {
      throw new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail: `The course has no version ${input.version}.`,
        errors: [{ field: 'version', message: 'no such published version', in: 'body' }],
      });
    }
    const outline = await this.versions.outline(versionId);
    const { moved, events } = await this.db.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE enrolment SET version_id = $2
          WHERE course_id = $1 AND version_id <> $2 AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
          RETURNING id`,
        [courseId, versionId, input.enrolmentIds ?? null],
      )) as [{ id: string }[], number];
      const ids = rows.map((row) => row.id);
      const completed = await this.completion.completeIn(tx, ids, outline.requiredIds);
      if (ids.length > 0) {
        await this.audit.record(
          {
            action: 'enrolment.moved',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'course', id: courseId },
            institutionId: course.institutionId,
            client,
            details: { version: input.version, learners: ids.length, completedByMoving: completed.length },
          },
          tx,
        );
      }
      return { moved: ids.length, events: completed };
    });
    await this.completion.announce(events);
    return { moved, completed: events.length };
  }

  async accessRequests(
    courseId: string,
    query: AccessRequestQuery,
    auth: AuthContext,
  ): Promise<AccessRequestPage> {
    await this.courses.authored(courseId, auth);
    const rows = await this.requestViews(
      `r.course_id = $1 AND r.status = $2 ORDER BY r.created_at LIMIT $3 OFFSET $4`,
      [courseId, query.status, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map(({ total: _total, ...view }) => view),
      page: query.page,
      pageSize: query.pageSize,
      total: rows[0]?.total ?? 0,
    };
  }

  /** Approving enrols the learner on the latest version; a request already decided is a 409. */
  async decide(
    courseId: string,
    requestId: string,
    decision: 'approved' | 'declined',
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<AccessRequestView> {
    const course = await this.courses.authored(courseId, auth);
    const latest = decision === 'approved' ? await this.versions.enrollable(course.slug) : null;
    if (decision === 'approved' && !latest) {
      throw new ProblemException({
        status: 409,
        type: ProblemType.Conflict,
        detail: 'The course is not published: publish it before approving access.',
      });
    }
    await this.db.transaction(async (tx) => {
      const [request] = (await tx.query(
        `SELECT user_id AS "userId", status FROM access_request WHERE id = $1 AND course_id = $2 FOR UPDATE`,
        [requestId, courseId],
      )) as { userId: string; status: string }[];
      if (!request) {
        throw new ProblemException({
          status: 404,
          type: ProblemType.NotFound,
          detail: `There is no access request ${requestId} for this course.`,
        });
      }
      if (request.status !== 'pending') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `This request was ${request.status} already.`,
        });
      }
      await tx.query(
        `UPDATE access_request SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1`,
        [requestId, decision, auth.userId],
      );
      if (latest) {
        await tx.query(
          `INSERT INTO enrolment (course_id, user_id, version_id, source) VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id, course_id) DO NOTHING`,
          [courseId, request.userId, latest.versionId, EnrolmentSource.Request],
        );
      }
      await this.audit.record(
        {
          action: `access_request.${decision}`,
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'access-request', id: requestId },
          institutionId: course.institutionId,
          client,
          details: { course: course.slug, learner: request.userId },
        },
        tx,
      );
    });
    const [{ total: _total, ...view }] = (await this.requestViews(`r.id = $1`, [requestId])) as [
      AccessRequestView & { total: number },
    ];
    return view;
  }

  private async requestViews(
    where: string,
    parameters: unknown[],
  ): Promise<(AccessRequestView & { total: number })[]> {
    const rows = (await this.db.query(
      `SELECT r.id, p.display_name AS "displayName", p.email, r.message, r.status,
              r.created_at AS "createdAt", r.decided_at AS "decidedAt", count(*) OVER ()::int AS total
         FROM access_request r JOIN account_principal p ON p.user_id = r.user_id
        WHERE ${where}`,
      parameters,
    )) as (Omit<AccessRequestView, 'createdAt' | 'decidedAt'> & {
      createdAt: Date;
      decidedAt: Date | null;
      total: number;
    })[];
    return rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      decidedAt: iso(row.decidedAt),
    }));
  }
}

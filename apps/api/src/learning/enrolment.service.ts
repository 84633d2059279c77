import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { EnrolmentMode } from '../courses/course.entity.js';
import { PublishedVersionsService, type EnrollableVersion } from '../courses/published-versions.service.js';
import { EnrolmentSource } from './enrolment.entity.js';
import type { AccessRequestBody, EnrolmentState } from './learning.dto.js';

const notPublished = (slug: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no published course "${slug}".`,
  });

/**
 * Joining a course: learners enrol themselves in open courses, ask for access to courses by
 * invitation, and join cohort-only courses through their institution. Enrolment puts them on the
 * latest published version, where they stay until a trainer moves them.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: PublishedVersionsService,
    private readonly audit: AuditService,
  ) {}

  /** Where the learner stands with the course; enrolled learners see it even once it is unpublished. */
  async state(slug: string, auth: AuthContext): Promise<EnrolmentState> {
    const [mine] = (await this.db.query(
      `SELECT e.enrolled_at AS "enrolledAt", v.number, e.course_id AS "courseId"
         FROM enrolment e JOIN course_version_outline v ON v.version_id = e.version_id
        WHERE e.user_id = $1 AND v.slug = $2`,
      [auth.userId, slug],
    )) as { enrolledAt: Date; number: number; courseId: string }[];
    const course = await this.versions.enrollable(slug);
    if (mine) {
      return {
        status: 'enrolled',
        enrolmentMode: course?.enrolmentMode ?? EnrolmentMode.Open,
        version: mine.number,
        enrolledAt: mine.enrolledAt.toISOString(),
      };
    }
    if (!course) throw notPublished(slug);
    const [request] = (await this.db.query(
      `SELECT status FROM access_request WHERE course_id = $1 AND user_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [course.courseId, auth.userId],
    )) as { status: 'pending' | 'approved' | 'declined' }[];
    const status =
      request?.status === 'pending' ? 'requested' : request?.status === 'declined' ? 'declined' : 'none';
    return { status, enrolmentMode: course.enrolmentMode, version: null, enrolledAt: null };
  }

  /** Enrols the learner in an open course; enrolling again changes nothing. */
  async enrol(
    slug: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<{ created: boolean; state: EnrolmentState }> {
    const course = await this.versions.enrollable(slug);
    if (!course) throw notPublished(slug);
    if (course.enrolmentMode !== EnrolmentMode.Open) throw closed(course);
    const created = await this.db.transaction(async (tx) => {
      const rows = (await tx.query(
        `INSERT INTO enrolment (course_id, user_id, version_id, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id`,
        [course.courseId, auth.userId, course.versionId, EnrolmentSource.Open],
      )) as { id: string }[];
      if (rows[0]) {
        await this.audit.record(
          {
            action: 'enrolment.created',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'enrolment', id: rows[0].id },
            institutionId: course.institutionId,
            client,
            details: { course: slug, version: course.number, source: EnrolmentSource.Open },
          },
          tx,
        );
      }
      return rows.length > 0;
    });
    return { created, state: await this.state(slug, auth) };
  }

  /** Asks the course's trainers for access to a course by invitation; asking again changes nothing. */
  async requestAccess(
    slug: string,
    body: AccessRequestBody,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<EnrolmentState> {
    const course = await this.versions.enrollable(slug);
    if (!course) throw notPublished(slug);
    if (course.enrolmentMode !== EnrolmentMode.Invitation) {
      if (course.enrolmentMode === EnrolmentMode.Cohort) throw closed(course);
      throw new ProblemException({
        status: 409,
        type: ProblemType.Conflict,
        detail: `"${course.title}" is open: enrol directly, there is no access to ask for.`,
      });
    }
    const current = await this.state(slug, auth);
    if (current.status === 'enrolled' || current.status === 'requested') return current;
    await this.db.transaction(async (tx) => {
      const rows = (await tx.query(
        `INSERT INTO access_request (course_id, user_id, message) VALUES ($1, $2, $3)
         ON CONFLICT (course_id, user_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
        [course.courseId, auth.userId, body.message ?? ''],
      )) as { id: string }[];
      if (!rows[0]) return;
      await this.audit.record(
        {
          action: 'access_request.created',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'access-request', id: rows[0].id },
          institutionId: course.institutionId,
          client,
          details: { course: slug },
        },
        tx,
      );
    });
    return this.state(slug, auth);
  }
}

function closed(course: EnrollableVersion): ProblemException {
  const detail =
    course.enrolmentMode === EnrolmentMode.Invitation
      ? `"${course.title}" is by invitation: ask for access, and its trainers will decide.`
      : `Learners join "${course.title}" through a cohort of their institution; ask your training coordinator.`;
  return new ProblemException({
    status: 403,
    type: ProblemType.EnrolmentClosed,
    detail,
    extensions: { enrolmentMode: course.enrolmentMode },
  });
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityKinds } from '../activities/activity-kinds.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { courseNotFound, mayAuthorIn } from './course-scope.js';
import { Course, CourseStatus } from './course.entity.js';
import type { CourseDetail } from './courses.dto.js';
import { CoursesService } from './courses.service.js';
import type { CourseVersionList, PublishCourseRequest } from './publishing.dto.js';
import { buildSnapshot } from './version-snapshot.js';

/**
 * Publishing: freezing the course as it is into an immutable, numbered version. Learners will read
 * versions, never the draft, so authors can keep editing a published course.
 */
@Injectable()
export class PublishingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly kinds: ActivityKinds,
  ) {}

  /**
   * Creates version N+1 and marks the course published, in the course's edit transaction (locked,
   * revision checked, audited). A course with problems gets a 422 listing all of them and nothing
   * is written.
   */
  publish(
    id: string,
    input: PublishCourseRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.edit(id, input.revision, auth, client, async (tx, course) => {
      const { snapshot, activities, problems } = await buildSnapshot(tx, course, this.kinds);
      if (problems.length > 0) {
        throw new ProblemException({
          status: 422,
          type: ProblemType.NotPublishable,
          detail:
            `The course has ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before it can be published: ` +
            problems
              .slice(0, 3)
              .map((p) => `${p.path}: ${p.message}`)
              .join('; ') +
            (problems.length > 3 ? '; …' : '.'),
          extensions: { problems },
        });
      }
      // The course row is locked, so no other publish of this course can pick the same number.
      const [{ next }] = (await tx.query(
        `SELECT COALESCE(max(number), 0) + 1 AS next FROM course_version WHERE course_id = $1`,
        [id],
      )) as [{ next: number }];
      const [{ versionId }] = (await tx.query(
        `INSERT INTO course_version (course_id, number, snapshot, change_log, published_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id AS "versionId"`,
        [id, next, JSON.stringify(snapshot), input.changeLog, auth.userId],
      )) as [{ versionId: string }];
      await tx.query(
        `INSERT INTO course_version_activity (version_id, activity_id, kind, content)
         SELECT $1, a.id, a.kind, a.content FROM jsonb_to_recordset($2::jsonb) AS a(id uuid, kind text, content jsonb)`,
        [versionId, JSON.stringify(activities)],
      );
      await tx.getRepository(Course).update(id, { status: CourseStatus.Published });
      return {
        action: 'course.published',
        details: { version: next, from: course.status, changeLog: input.changeLog },
      };
    });
  }

  /** Back to draft: off the catalogue for new learners; versions, and learners' records, stay. */
  async unpublish(id: string, auth: AuthContext, client: ClientInfo): Promise<CourseDetail> {
    return this.courses.edit(id, null, auth, client, async (tx, course) => {
      if (course.status !== CourseStatus.Published) return null;
      await tx.getRepository(Course).update(id, { status: CourseStatus.Draft });
      return { action: 'course.unpublished', details: {} };
    });
  }

  async versions(id: string, auth: AuthContext): Promise<CourseVersionList> {
    const course = await this.db
      .getRepository(Course)
      .findOne({ select: { id: true, institutionId: true }, where: { id } });
    if (!course || !mayAuthorIn(auth, course.institutionId)) throw courseNotFound(id);
    const rows = (await this.db.query(
      `SELECT v.number, v.published_at AS "publishedAt", p.display_name AS "publishedBy", v.change_log AS "changeLog"
         FROM course_version v LEFT JOIN account_principal p ON p.user_id = v.published_by
        WHERE v.course_id = $1
        ORDER BY v.number DESC`,
      [id],
    )) as { number: number; publishedAt: Date; publishedBy: string | null; changeLog: string }[];
    return { items: rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })) };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { CourseStatus } from '../courses/course.entity.js';
import { archivedCourse, CoursesService, type ActivityPlace } from '../courses/courses.service.js';
import { validateDocument } from '../rich-text/index.js';
import { LessonContent } from './lesson-content.entity.js';
import { lessonKind } from './lesson.kind.js';
import type { LessonContentView, SaveLessonRequest } from './lessons.dto.js';

const view = (content: LessonContent, place: ActivityPlace): LessonContentView => ({
  title: place.title,
  courseId: place.courseId,
  courseTitle: place.courseTitle,
  courseArchived: place.courseStatus === CourseStatus.Archived,
  institutionId: place.institutionId,
  document: content.document,
  revision: content.revision,
  updatedAt: content.updatedAt.toISOString(),
});

/** Reading and saving a lesson's document, for the authors of its course. */
@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly audit: AuditService,
  ) {}

  async get(activityId: string, auth: AuthContext): Promise<LessonContentView> {
    const place = await this.courses.activityPlace(activityId, auth, undefined, lessonKind.kind);
    return view(await this.db.getRepository(LessonContent).findOneByOrFail({ activityId }), place);
  }

  /**
   * Saves the document if it is valid and based on the current revision; otherwise nothing is
   * written (422 naming the paths; 409 with the newer document so the editor can warn the author).
   */
  async save(
    activityId: string,
    input: SaveLessonRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<LessonContentView> {
    const { document } = validateDocument(input.document, { field: 'document' });
    return this.db.transaction(async (tx) => {
      const place = await this.courses.activityPlace(activityId, auth, tx, lessonKind.kind);
      if (place.courseStatus === CourseStatus.Archived) throw archivedCourse();
      const repository = tx.getRepository(LessonContent);
      const current = await repository.findOneOrFail({
        where: { activityId },
        lock: { mode: 'pessimistic_write' },
      });
      if (current.revision !== input.revision) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `Someone saved this lesson in the meantime (revision ${current.revision}, yours is ${input.revision}). Nothing was changed.`,
          errors: [{ field: 'revision', message: 'revision is not the current one', in: 'body' }],
          extensions: { current: view(current, place) },
        });
      }
      await tx.query(
        `UPDATE lesson_content SET document = $2, revision = revision + 1, updated_at = now(), updated_by = $3
          WHERE activity_id = $1`,
        [activityId, JSON.stringify(document), auth.userId],
      );
      // The document itself stays out of the audit log: it is content, not an event.
      await this.audit.record(
        {
          action: 'lesson.saved',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'activity', id: activityId },
          institutionId: place.institutionId,
          client,
          details: { courseId: place.courseId, revision: current.revision + 1 },
        },
        tx,
      );
      return view(await repository.findOneByOrFail({ activityId }), place);
    });
  }
}

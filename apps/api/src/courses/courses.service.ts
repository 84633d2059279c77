import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { ActivityKinds } from '../activities/activity-kinds.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { FilesService } from '../files/files.service.js';
import { IMAGE_MEDIA_TYPES } from '../files/upload-rules.js';
import { likePattern } from '../users/search.js';
import { assertRoleIn } from '../users/admin-scope.js';
import { copyCourse } from './course-duplicate.js';
import { AUTHOR_ROLES, authoringScope, courseNotFound, mayAuthorIn } from './course-scope.js';
import { freeSlug, slugFromTitle } from './course-slug.js';
import { Course, CourseStatus } from './course.entity.js';
import {
  CourseDetail,
  CoursePage,
  CourseSummary,
  type CourseListQuery,
  type CreateCourseRequest,
  type DuplicateCourseRequest,
  type UpdateCourseRequest,
} from './courses.dto.js';
import { loadOutline } from './outline.query.js';

/** What a change to a course did, for the audit log; null when nothing changed. */
export type CourseChange = { action: string; details: Record<string, unknown> } | null;

/** Where an activity sits, for the kind modules that store its content. */
export interface ActivityPlace {
  activityId: string;
  kind: string;
  /** The activity's title, and its course's: what an editor page shows around the content. */
  title: string;
  courseId: string;
  courseTitle: string;
  courseStatus: CourseStatus;
  institutionId: string;
}

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly kinds: ActivityKinds,
  ) {}

  /** The caller's courses: those of the institutions where they author (every one for platform admins). */
  async list(query: CourseListQuery, auth: AuthContext): Promise<CoursePage> {
    const scope = authoringScope(auth);
    const empty = { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    if (!scope.everywhere && scope.institutionIds.length === 0) return empty;
    const builder = this.db.getRepository(Course).createQueryBuilder('c');
    if (!scope.everywhere) builder.andWhere('c.institution_id IN (:...ids)', { ids: scope.institutionIds });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.query) {
      const pattern = likePattern(query.query);
      builder.andWhere(
        new Brackets((where) =>
          where.where('c.title ILIKE :pattern', { pattern }).orWhere('c.slug ILIKE :pattern', { pattern }),
        ),
      );
    }
    const [rows, total] = await builder
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(CourseSummary.from), page: query.page, pageSize: query.pageSize, total };
  }

  async create(input: CreateCourseRequest, auth: AuthContext, client: ClientInfo): Promise<CourseDetail> {
    assertRoleIn(auth, input.institutionId, AUTHOR_ROLES);
    return this.db.transaction(async (tx) => {
      const created = await this.write(() =>
        tx.getRepository(Course).save({ ...input, createdBy: auth.userId }),
      );
      await this.audit.record(
        {
          action: 'course.created',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'course', id: created.id },
          institutionId: created.institutionId,
          client,
          details: { slug: created.slug, title: created.title },
        },
        tx,
      );
      return this.detail(await this.findOrFail(created.id, tx), tx);
    });
  }

  /** Whether any course uses the slug, whoever owns it: the seed's idempotence check. */
  async exists(slug: string): Promise<boolean> {
    return this.db.getRepository(Course).existsBy({ slug });
  }

  /** The course if the caller may author it (404 otherwise): for other modules' Studio pages on a course. */
  async authored(
    id: string,
    auth: AuthContext,
  ): Promise<Pick<Course, 'id' | 'institutionId' | 'slug' | 'title' | 'status'>> {
    const course = await this.db.getRepository(Course).findOne({
      select: { id: true, institutionId: true, slug: true, title: true, status: true },
      where: { id },
    });
    if (!course || !mayAuthorIn(auth, course.institutionId)) throw courseNotFound(id);
    return course;
  }

  /** Metadata, revision and outline: two queries however long the course is. */
  async get(id: string, auth: AuthContext): Promise<CourseDetail> {
    const course = await this.findOrFail(id);
    if (!mayAuthorIn(auth, course.institutionId)) throw courseNotFound(id);
    return this.detail(course, this.db.manager);
  }

  async update(
    id: string,
    input: UpdateCourseRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    const { revision, ...fields } = input;
    return this.edit(id, revision, auth, client, async (tx, before) => {
      const changes = Object.fromEntries(
        Object.entries(fields).filter(
          ([key, value]) =>
            value !== undefined && JSON.stringify(before[key as keyof Course]) !== JSON.stringify(value),
        ),
      );
      if (Object.keys(changes).length === 0) return null;
      await this.checkCover(before, changes);
      await this.write(() => tx.getRepository(Course).update(id, changes));
      return {
        action: 'course.updated',
        details: {
          changes: Object.fromEntries(
            Object.entries(changes).map(([key, to]) => [key, { from: before[key as keyof Course], to }]),
          ),
        },
      };
    });
  }

  /** Archiving hides the course from new enrolments later on; learners' records stay. */
  async archive(id: string, auth: AuthContext, client: ClientInfo): Promise<CourseDetail> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockForEdit(tx, id, auth);
      return this.applyChange(tx, course, auth, client, async () => {
        if (course.status === CourseStatus.Archived) return null;
        await tx.getRepository(Course).update(id, { status: CourseStatus.Archived });
        return { action: 'course.archived', details: { from: course.status } };
      });
    });
  }

  /** Back from the archive as a draft, to edit and publish again; versions and learners' records were kept. */
  async restore(id: string, auth: AuthContext, client: ClientInfo): Promise<CourseDetail> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockForEdit(tx, id, auth);
      return this.applyChange(tx, course, auth, client, async () => {
        if (course.status !== CourseStatus.Archived) return null;
        await tx.getRepository(Course).update(id, { status: CourseStatus.Draft });
        return { action: 'course.restored', details: { to: CourseStatus.Draft } };
      });
    });
  }

  /**
   * A new draft course with the original's metadata, outline and activity content, in one
   * transaction; its authors may duplicate any course of theirs, archived ones too. The copy stays in
   * the original's institution. Without a slug one is made from the title and, should another
   * duplicate take it at the same moment, the next free one is tried.
   */
  async duplicate(
    id: string,
    input: DuplicateCourseRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.duplicateIn(tx, id, input, auth, client));
      } catch (error) {
        const slugRace = (error as { code?: string }).code === '23505' && !input.slug && attempt < 3;
        if (!slugRace) throw writeProblem(error);
      }
    }
  }

  private async duplicateIn(
    tx: EntityManager,
    id: string,
    input: DuplicateCourseRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    // FOR SHARE: outline changes lock the course for update, so they wait until the copy is made.
    const source = await tx
      .getRepository(Course)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!source || !mayAuthorIn(auth, source.institutionId)) throw courseNotFound(id);
    const title = input.title ?? `Copy of ${source.title}`.slice(0, 200).trim();
    const slug = input.slug ?? (await freeSlug(tx, slugFromTitle(title) || source.slug));
    const created = await copyCourse(tx, this.kinds, source, { title, slug, createdBy: auth.userId });
    await this.audit.record(
      {
        action: 'course.duplicated',
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'course', id: created.id },
        institutionId: source.institutionId,
        client,
        details: { from: { id: source.id, slug: source.slug }, slug, title, ...created.counts },
      },
      tx,
    );
    return this.detail(await this.findOrFail(created.id, tx), tx);
  }

  /**
   * Every change to a course's metadata or outline goes through here: in one transaction, the
   * course row is locked, the caller's scope and revision are checked (404 outside it; 409 with
   * the current course when stale, nothing written), the change runs, and if it changed anything
   * the revision goes up and the change is audited. Returns the course as it now is. A null
   * revision skips the check, for changes that do not depend on what the caller read (unpublish).
   */
  async edit(
    id: string,
    revision: number | null,
    auth: AuthContext,
    client: ClientInfo,
    change: (tx: EntityManager, course: Course) => Promise<CourseChange>,
  ): Promise<CourseDetail> {
    return this.db.transaction(async (tx) => {
      const course = await this.lockForEdit(tx, id, auth);
      if (course.status === CourseStatus.Archived) throw archivedCourse();
      if (revision !== null && course.revision !== revision) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `Someone saved this course in the meantime (revision ${course.revision}, yours is ${revision}). Nothing was changed; review the current course and try again.`,
          errors: [{ field: 'revision', message: 'revision is not the current one', in: 'body' }],
          extensions: { current: await this.detail(course, tx) },
        });
      }
      return this.applyChange(tx, course, auth, client, () => change(tx, course));
    });
  }

  /**
   * Where an activity sits, if the caller may edit its course; 404 otherwise, and also when `kind`
   * is given and the activity is of another kind (each kind's editing routes take only their own).
   */
  async activityPlace(
    activityId: string,
    auth: AuthContext,
    manager?: EntityManager,
    kind?: string,
  ): Promise<ActivityPlace> {
    const [place] = (await (manager ?? this.db.manager).query(
      `SELECT a.id AS "activityId", a.kind, a.title, c.id AS "courseId", c.title AS "courseTitle",
              c.status AS "courseStatus", c.institution_id AS "institutionId"
         FROM activity a
         JOIN course_module m ON m.id = a.module_id
         JOIN course c ON c.id = m.course_id
        WHERE a.id = $1`,
      [activityId],
    )) as ActivityPlace[];
    if (!place || !mayAuthorIn(auth, place.institutionId)) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `There is no activity with id ${activityId} that you may edit.`,
      });
    }
    if (kind !== undefined && place.kind !== kind) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `Activity ${activityId} is a ${place.kind}, not a ${kind}.`,
      });
    }
    return place;
  }

  /**
   * A cover is an image uploaded for the course's own institution, and a course with a cover needs
   * its alternative text: 422 naming the field otherwise (the database refuses it too).
   */
  private async checkCover(before: Course, changes: Partial<Course>): Promise<void> {
    const invalid = (field: string, message: string, detail: string) =>
      new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail,
        errors: [{ field, message, in: 'body' }],
      });
    if (changes.coverFileId) {
      const file = await this.files.facts(changes.coverFileId);
      if (!file || file.institutionId !== before.institutionId)
        throw invalid(
          'coverFileId',
          "coverFileId must be an image uploaded for this course's institution",
          `There is no file ${changes.coverFileId} of this course's institution to use as its cover.`,
        );
      if (!IMAGE_MEDIA_TYPES.includes(file.mediaType))
        throw invalid(
          'coverFileId',
          `coverFileId must be an image, not ${file.mediaType}`,
          'A cover must be an image (PNG, JPEG, GIF or WebP).',
        );
    }
    const coverFileId = 'coverFileId' in changes ? changes.coverFileId : before.coverFileId;
    const coverAlt = 'coverAlt' in changes ? changes.coverAlt : before.coverAlt;
    if (coverFileId && !coverAlt?.trim())
      throw invalid(
        'coverAlt',
        'coverAlt is required with a cover image',
        'A cover image needs its alternative text: say in a sentence what the image shows.',
      );
  }

  private async lockForEdit(tx: EntityManager, id: string, auth: AuthContext): Promise<Course> {
    const course = await tx
      .getRepository(Course)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!course || !mayAuthorIn(auth, course.institutionId)) throw courseNotFound(id);
    return course;
  }

  private async applyChange(
    tx: EntityManager,
    course: Course,
    auth: AuthContext,
    client: ClientInfo,
    change: () => Promise<CourseChange>,
  ): Promise<CourseDetail> {
    const done = await change();
    if (!done) return this.detail(course, tx);
    await tx.query(`UPDATE course SET revision = revision + 1, updated_at = now() WHERE id = $1`, [
      course.id,
    ]);
    await this.audit.record(
      {
        action: done.action,
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'course', id: course.id },
        institutionId: course.institutionId,
        client,
        details: done.details,
      },
      tx,
    );
    return this.detail(await this.findOrFail(course.id, tx), tx);
  }

  private async detail(course: Course, manager: EntityManager): Promise<CourseDetail> {
    return CourseDetail.of(course, await loadOutline(manager, course.id));
  }

  private async findOrFail(id: string, manager: EntityManager = this.db.manager): Promise<Course> {
    const course = await manager.getRepository(Course).findOneBy({ id });
    if (!course) throw courseNotFound(id);
    return course;
  }

  /** Runs a write; a taken slug is a 409 and an unknown institution a 422, both naming the field. */
  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw writeProblem(error);
    }
  }
}

/** A database refusal the caller can act on, as a problem; any other error as it is. */
function writeProblem(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === '23505') {
    return new ProblemException({
      status: 409,
      type: ProblemType.Conflict,
      detail: 'Another course already uses this slug; choose another.',
      errors: [{ field: 'slug', message: 'slug is already taken', in: 'body' }],
    });
  }
  if (code === '23503') {
    return new ProblemException({
      status: 422,
      type: ProblemType.ValidationFailed,
      detail: 'There is no institution with this id.',
      errors: [{ field: 'institutionId', message: 'institutionId is not an institution', in: 'body' }],
    });
  }
  return error;
}

/** An archived course is read-only until it is restored, whatever part of it is being changed. */
export const archivedCourse = () =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: 'The course is archived, so it cannot be changed. Restore it first.',
  });

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityKinds } from '../activities/activity-kinds.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { Activity } from './activity.entity.js';
import { CourseModule } from './course-module.entity.js';
import type { CourseDetail, CreatedOutlineItem } from './courses.dto.js';
import { CoursesService, type CourseChange } from './courses.service.js';
import type {
  CreateActivityRequest,
  CreateModuleRequest,
  ReorderOutlineRequest,
  UpdateActivityRequest,
  UpdateModuleRequest,
} from './outline.dto.js';
import { outlineMismatches } from './outline-mismatches.js';

const notFound = (what: 'module' | 'activity', id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `This course has no ${what} with id ${id}.`,
  });

/** Only the fields sent, and only those that differ, with what they were. */
function changed<T extends object>(
  before: T,
  fields: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(
        ([key, value]) =>
          value !== undefined && JSON.stringify(before[key as keyof T]) !== JSON.stringify(value),
      )
      .map(([key, to]) => [key, { from: before[key as keyof T], to }]),
  );
}

const values = (changes: Record<string, { to: unknown }>) =>
  Object.fromEntries(Object.entries(changes).map(([key, { to }]) => [key, to]));

/**
 * Editing a course's outline: modules and activities, added, changed, removed and reordered.
 * Positions stay 0-based without gaps. Every change goes through CoursesService.edit, so it takes
 * the course revision, bumps it and is audited.
 */
@Injectable()
export class OutlineService {
  constructor(
    private readonly courses: CoursesService,
    private readonly kinds: ActivityKinds,
  ) {}

  async addModule(
    courseId: string,
    input: CreateModuleRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CreatedOutlineItem> {
    const { revision, position, ...fields } = input;
    let id = '';
    const course = await this.courses.edit(courseId, revision, auth, client, async (tx) => {
      const at = await this.openSlot(tx, 'course_module', 'course_id', courseId, position);
      id = (await tx.getRepository(CourseModule).save({ ...fields, courseId, position: at })).id;
      return { action: 'course.module_added', details: { moduleId: id, title: fields.title, position: at } };
    });
    return { id, course };
  }

  updateModule(
    courseId: string,
    moduleId: string,
    input: UpdateModuleRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    const { revision, ...fields } = input;
    return this.courses.edit(courseId, revision, auth, client, async (tx) => {
      const before = await this.moduleOf(tx, courseId, moduleId);
      const changes = changed(before, fields);
      if (Object.keys(changes).length === 0) return null;
      await tx.getRepository(CourseModule).update(moduleId, values(changes));
      return { action: 'course.module_updated', details: { moduleId, changes } };
    });
  }

  /** Removes the module with its activities (and their content). */
  deleteModule(
    courseId: string,
    moduleId: string,
    revision: number,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.edit(courseId, revision, auth, client, async (tx) => {
      const before = await this.moduleOf(tx, courseId, moduleId);
      const activities = await tx.getRepository(Activity).countBy({ moduleId });
      await tx.getRepository(CourseModule).delete(moduleId);
      await tx.query(
        `UPDATE course_module SET position = position - 1 WHERE course_id = $1 AND position > $2`,
        [courseId, before.position],
      );
      return {
        action: 'course.module_deleted',
        details: { moduleId, title: before.title, activitiesDeleted: activities },
      };
    });
  }

  async addActivity(
    courseId: string,
    moduleId: string,
    input: CreateActivityRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CreatedOutlineItem> {
    const kind = this.kinds.find(input.kind);
    if (!kind) {
      const known = this.kinds.names();
      throw new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail: `There is no activity kind "${input.kind}". Known kinds: ${known.join(', ')}.`,
        errors: [{ field: 'kind', message: `kind must be one of ${known.join(', ')}`, in: 'body' }],
        extensions: { knownKinds: known },
      });
    }
    const { revision, position, ...fields } = input;
    let id = '';
    const course = await this.courses.edit(courseId, revision, auth, client, async (tx) => {
      await this.moduleOf(tx, courseId, moduleId);
      const at = await this.openSlot(tx, 'activity', 'module_id', moduleId, position);
      id = (await tx.getRepository(Activity).save({ ...fields, moduleId, position: at })).id;
      await kind.onCreate(id, tx);
      return {
        action: 'course.activity_added',
        details: { activityId: id, moduleId, kind: kind.kind, title: fields.title, position: at },
      };
    });
    return { id, course };
  }

  updateActivity(
    courseId: string,
    activityId: string,
    input: UpdateActivityRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    const { revision, ...fields } = input;
    return this.courses.edit(courseId, revision, auth, client, async (tx) => {
      const before = await this.activityOf(tx, courseId, activityId);
      const changes = changed(before, fields);
      if (Object.keys(changes).length === 0) return null;
      await tx.getRepository(Activity).update(activityId, values(changes));
      return { action: 'course.activity_updated', details: { activityId, changes } };
    });
  }

  /** Removes the activity and, through the foreign keys, its kind's content. */
  deleteActivity(
    courseId: string,
    activityId: string,
    revision: number,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.edit(courseId, revision, auth, client, async (tx) => {
      const before = await this.activityOf(tx, courseId, activityId);
      await tx.getRepository(Activity).delete(activityId);
      await tx.query(`UPDATE activity SET position = position - 1 WHERE module_id = $1 AND position > $2`, [
        before.moduleId,
        before.position,
      ]);
      return {
        action: 'course.activity_deleted',
        details: { activityId, moduleId: before.moduleId, kind: before.kind, title: before.title },
      };
    });
  }

  /**
   * The whole order in one request, as drag and drop or keyboard reordering leaves it. The ids
   * must be exactly the course's modules and activities; activities may change module.
   */
  reorder(
    courseId: string,
    input: ReorderOutlineRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.edit(courseId, input.revision, auth, client, async (tx): Promise<CourseChange> => {
      const modules = await tx.getRepository(CourseModule).find({
        select: { id: true, title: true, position: true },
        where: { courseId },
        // In course order, so that a refusal lists what is missing in the order authors see it.
        order: { position: 'ASC' },
      });
      const activities = (await tx.query(
        `SELECT a.id, a.title, a.module_id AS "moduleId", a.position
           FROM activity a JOIN course_module m ON m.id = a.module_id
          WHERE m.course_id = $1
          ORDER BY m.position, a.position`,
        [courseId],
      )) as Pick<Activity, 'id' | 'title' | 'moduleId' | 'position'>[];
      const errors = outlineMismatches(input.modules, modules, activities);
      if (errors.length > 0) {
        throw new ProblemException({
          status: 422,
          type: ProblemType.ValidationFailed,
          detail: `The new order must hold every module and activity of the course exactly once: ${errors.map((e) => e.message).join('; ')}.`,
          errors,
        });
      }
      const moduleBefore = new Map(modules.map((m) => [m.id, m.position]));
      const activityBefore = new Map(activities.map((a) => [a.id, `${a.moduleId}:${a.position}`]));
      const newActivities = input.modules.flatMap((m) =>
        m.activities.map((id, position) => ({ id, moduleId: m.id, position })),
      );
      const modulesMoved = input.modules.filter((m, position) => moduleBefore.get(m.id) !== position).length;
      const activitiesMoved = newActivities.filter(
        (a) => activityBefore.get(a.id) !== `${a.moduleId}:${a.position}`,
      ).length;
      if (modulesMoved === 0 && activitiesMoved === 0) return null;
      // One statement per table; the position constraints are checked at commit, so swaps pass.
      await tx.query(
        `UPDATE course_module m SET position = o.position, updated_at = now()
           FROM unnest($1::uuid[], $2::int[]) AS o(id, position)
          WHERE m.id = o.id AND m.position <> o.position`,
        [input.modules.map((m) => m.id), input.modules.map((_, position) => position)],
      );
      await tx.query(
        `UPDATE activity a SET module_id = o.module_id, position = o.position, updated_at = now()
           FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS o(id, module_id, position)
          WHERE a.id = o.id AND (a.module_id, a.position) IS DISTINCT FROM (o.module_id, o.position)`,
        [
          newActivities.map((a) => a.id),
          newActivities.map((a) => a.moduleId),
          newActivities.map((a) => a.position),
        ],
      );
      return { action: 'course.outline_reordered', details: { modulesMoved, activitiesMoved } };
    });
  }

  /** Makes room at `wanted` (or the end) among a parent's ordered children; returns the position. */
  private async openSlot(
    tx: EntityManager,
    table: 'course_module' | 'activity',
    parentColumn: 'course_id' | 'module_id',
    parentId: string,
    wanted: number | undefined,
  ): Promise<number> {
    const [{ count }] = (await tx.query(
      `SELECT count(*)::int AS count FROM ${table} WHERE ${parentColumn} = $1`,
      [parentId],
    )) as [{ count: number }];
    const at = Math.min(wanted ?? count, count);
    if (at < count) {
      await tx.query(
        `UPDATE ${table} SET position = position + 1 WHERE ${parentColumn} = $1 AND position >= $2`,
        [parentId, at],
      );
    }
    return at;
  }

  private async moduleOf(tx: EntityManager, courseId: string, moduleId: string): Promise<CourseModule> {
    const found = await tx.getRepository(CourseModule).findOneBy({ id: moduleId, courseId });
    if (!found) throw notFound('module', moduleId);
    return found;
  }

  private async activityOf(tx: EntityManager, courseId: string, activityId: string): Promise<Activity> {
    const [found] = (await tx.query(
      `SELECT a.id, a.module_id AS "moduleId", a.position, a.kind, a.title, a.required
         FROM activity a JOIN course_module m ON m.id = a.module_id
        WHERE a.id = $1 AND m.course_id = $2`,
      [activityId, courseId],
    )) as Activity[];
    if (!found) throw notFound('activity', activityId);
    return found;
  }
}

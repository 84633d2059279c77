import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { institutionsWhere, type AuthContext, type ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { CohortEnrolmentsService } from '../learning/cohort-enrolments.service.js';
import { assertRoleIn } from '../users/admin-scope.js';
import { likePattern } from '../users/search.js';
import {
  validateCourses,
  validateDeadlines,
  validateFacilitators,
  validateSchedule,
} from './cohort-rules.js';
import { cohortClosed, cohortNotFound, manageForbidden, outsideWindow } from './cohort-problems.js';
import { CohortViews } from './cohort-views.js';
import { Cohort } from './cohort.entity.js';
import type {
  CohortListQuery,
  CohortPage,
  CohortSummary,
  CohortView,
  CreateCohortRequest,
  UpdateCohortRequest,
} from './cohorts.dto.js';

export type CohortAccessMode = 'read' | 'manage';

const ADMIN = [InstitutionRole.InstitutionAdmin];
const TRAINER = [InstitutionRole.Trainer];

/**
 * Cohorts and who may see them: platform admins every cohort, institution admins their
 * institutions' cohorts, facilitators (trainers) the cohorts they follow, read-only. Anyone else
 * gets 404, so that a cohort's existence is not revealed outside its institution.
 */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly enrolments: CohortEnrolmentsService,
    private readonly views: CohortViews,
    private readonly audit: AuditService,
  ) {}

  /**
   * The cohort if the caller may read it (`read`) or change it (`manage`: administrators only, and
   * only while it is open — 409 `cohort-closed` otherwise). 404 when the caller may not see it at
   * all, 403 when they may see but not change it. Pass the transaction to lock the row for a write.
   */
  async getForStaff(
    id: string,
    auth: AuthContext,
    mode: CohortAccessMode,
    tx?: EntityManager,
  ): Promise<Cohort> {
    const builder = (tx ?? this.db.manager)
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .where('c.id = :id', { id });
    if (tx && mode === 'manage') builder.setLock('pessimistic_write');
    const cohort = await builder.getOne();
    if (!cohort) throw cohortNotFound(id);
    const administers = this.administers(auth, cohort.institutionId);
    if (!administers) {
      if (!(await this.facilitates(cohort, auth, tx))) throw cohortNotFound(id);
      if (mode === 'manage') throw manageForbidden();
    }
    if (mode === 'manage' && cohort.closedAt) throw cohortClosed(cohort);
    return cohort;
  }

  /** 409 when the cohort is closed or when now is outside its enrolment window. */
  assertOpenForEnrolment(cohort: Cohort, now = new Date()): void {
    if (cohort.closedAt) throw cohortClosed(cohort);
    const opens = cohort.enrolmentOpensAt;
    const closes = cohort.enrolmentClosesAt;
    if ((opens && now < opens) || (closes && now > closes)) throw outsideWindow(cohort, now);
  }

  /** The course ids of the cohort, for enrolling its members. */
  async courseIdsOf(cohortId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT course_id AS "courseId" FROM cohort_course WHERE cohort_id = $1`,
      [cohortId],
    )) as { courseId: string }[];
    return rows.map((row) => row.courseId);
  }

  async list(query: CohortListQuery, auth: AuthContext): Promise<CohortPage> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const param = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    if (!auth.isPlatformAdmin) {
      conditions.push(
        `(c.institution_id = ANY(${param(institutionsWhere(auth, ADMIN))}::uuid[])
          OR (c.institution_id = ANY(${param(institutionsWhere(auth, TRAINER))}::uuid[])
              AND EXISTS (SELECT 1 FROM cohort_facilitator f WHERE f.cohort_id = c.id AND f.user_id = ${param(auth.userId)})))`,
      );
    }
    if (query.institutionId) conditions.push(`c.institution_id = ${param(query.institutionId)}`);
    if (query.courseId) {
      conditions.push(
        `EXISTS (SELECT 1 FROM cohort_course x WHERE x.cohort_id = c.id AND x.course_id = ${param(query.courseId)})`,
      );
    }
    if (query.status === 'open') conditions.push('c.closed_at IS NULL');
    if (query.status === 'closed') conditions.push('c.closed_at IS NOT NULL');
    if (query.q) conditions.push(`c.name ILIKE ${param(likePattern(query.q))}`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT c.id, c.name, to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
                c.closed_at AS "closedAt", i.id AS "institutionId", i.name AS "institutionName",
                (SELECT count(*)::int FROM cohort_course x WHERE x.cohort_id = c.id) AS "courseCount",
                (SELECT count(*)::int FROM cohort_member x WHERE x.cohort_id = c.id) AS "memberCount",
                ${INVITEE_COUNT} AS "inviteeCount"
           FROM cohort c JOIN institution i ON i.id = c.institution_id
           ${where}
          ORDER BY c.closed_at IS NOT NULL, c.starts_on DESC NULLS LAST, lower(c.name), c.id
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        parameters,
      ) as Promise<SummaryRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM cohort c ${where}`, parameters) as Promise<
        { total: number }[]
      >,
    ]);
    return {
      items: rows.map(toSummary),
      page: query.page,
      pageSize: query.pageSize,
      total: count?.total ?? 0,
    };
  }

  async get(id: string, auth: AuthContext): Promise<CohortView> {
    const cohort = await this.getForStaff(id, auth, 'read');
    return this.views.view(cohort, this.canManage(auth, cohort), this.db.manager);
  }

  async create(input: CreateCohortRequest, auth: AuthContext, client: ClientInfo): Promise<CohortView> {
    await this.institutions.get(input.institutionId);
    assertRoleIn(auth, input.institutionId);
    validateSchedule(input);
    return this.db.transaction(async (tx) => {
      const courseIds = unique(input.courseIds);
      const facilitatorIds = unique(input.facilitatorIds);
      await validateCourses(tx, input.institutionId, courseIds);
      await validateFacilitators(tx, input.institutionId, facilitatorIds);
      const cohort = await this.saveNamed(input.name, () =>
        tx.getRepository(Cohort).save({
          institutionId: input.institutionId,
          name: input.name,
          description: input.description ?? '',
          startsOn: input.startsOn ?? null,
          endsOn: input.endsOn ?? null,
          enrolmentOpensAt: input.enrolmentOpensAt ? new Date(input.enrolmentOpensAt) : null,
          enrolmentClosesAt: input.enrolmentClosesAt ? new Date(input.enrolmentClosesAt) : null,
          createdBy: auth.userId,
        }),
      );
      await insertLinks(tx, cohort.id, courseIds, facilitatorIds);
      await this.audit.record(
        {
          action: 'cohort.created',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'cohort', id: cohort.id },
          institutionId: cohort.institutionId,
          client,
          details: { name: cohort.name, courseIds, facilitatorIds },
        },
        tx,
      );
      return this.views.view(await this.reload(tx, cohort.id), true, tx);
    });
  }

  async update(
    id: string,
    input: UpdateCohortRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<CohortView> {
    return this.db.transaction(async (tx) => {
      const cohort = await this.getForStaff(id, auth, 'manage', tx);
      if (cohort.version !== input.version) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `Someone saved this cohort in the meantime (version ${cohort.version}, yours is ${input.version}). Nothing was changed; review the current cohort and try again.`,
          errors: [{ field: 'version', message: 'version is not the current one', in: 'body' }],
          extensions: { code: 'stale-version', current: await this.views.view(cohort, true, tx) },
        });
      }
      const next = {
        name: input.name ?? cohort.name,
        description: input.description ?? cohort.description,
        startsOn: input.startsOn === undefined ? cohort.startsOn : input.startsOn,
        endsOn: input.endsOn === undefined ? cohort.endsOn : input.endsOn,
        enrolmentOpensAt:
          input.enrolmentOpensAt === undefined
            ? cohort.enrolmentOpensAt
            : input.enrolmentOpensAt
              ? new Date(input.enrolmentOpensAt)
              : null,
        enrolmentClosesAt:
          input.enrolmentClosesAt === undefined
            ? cohort.enrolmentClosesAt
            : input.enrolmentClosesAt
              ? new Date(input.enrolmentClosesAt)
              : null,
      };
      validateSchedule({
        startsOn: next.startsOn,
        endsOn: next.endsOn,
        enrolmentOpensAt: next.enrolmentOpensAt?.toISOString() ?? null,
        enrolmentClosesAt: next.enrolmentClosesAt?.toISOString() ?? null,
      });
      const changed: Record<string, unknown> = {};
      const currentCourses = await this.courseIdsOf(id, tx);
      let addedCourses: string[] = [];
      if (input.courseIds) {
        const courseIds = unique(input.courseIds);
        addedCourses = courseIds.filter((courseId) => !currentCourses.includes(courseId));
        const removed = currentCourses.filter((courseId) => !courseIds.includes(courseId));
        await validateCourses(tx, cohort.institutionId, addedCourses);
        if (removed.length > 0) {
          await tx.query(`DELETE FROM cohort_course WHERE cohort_id = $1 AND course_id = ANY($2::uuid[])`, [
            id,
            removed,
          ]);
        }
        await insertLinks(tx, id, addedCourses, []);
        if (addedCourses.length > 0 || removed.length > 0) changed.courses = { added: addedCourses, removed };
      }
      if (input.facilitatorIds) {
        const facilitatorIds = unique(input.facilitatorIds);
        await validateFacilitators(tx, cohort.institutionId, facilitatorIds);
        const [before] = (await tx.query(
          `SELECT coalesce(array_agg(user_id ORDER BY user_id), '{}') AS ids FROM cohort_facilitator WHERE cohort_id = $1`,
          [id],
        )) as { ids: string[] }[];
        await tx.query(`DELETE FROM cohort_facilitator WHERE cohort_id = $1`, [id]);
        await insertLinks(tx, id, [], facilitatorIds);
        if ([...facilitatorIds].sort().join() !== (before?.ids ?? []).join())
          changed.facilitatorIds = facilitatorIds;
      }
      if (input.deadlines) {
        const courseIds = input.courseIds ? unique(input.courseIds) : currentCourses;
        await validateDeadlines(tx, courseIds, input.deadlines);
        await tx.query(`DELETE FROM cohort_deadline WHERE cohort_id = $1`, [id]);
        for (const deadline of input.deadlines) {
          await tx.query(
            `INSERT INTO cohort_deadline (cohort_id, course_id, module_id, due_on) VALUES ($1, $2, $3, $4)
             ON CONFLICT (cohort_id, module_id) DO UPDATE SET due_on = EXCLUDED.due_on`,
            [id, deadline.courseId, deadline.moduleId, deadline.dueOn],
          );
        }
        changed.deadlines = input.deadlines.length;
      }
      for (const [field, value] of Object.entries(next)) {
        const before = cohort[field as keyof typeof next];
        const same =
          value instanceof Date || before instanceof Date
            ? (value as Date | null)?.getTime() === (before as Date | null)?.getTime()
            : value === before;
        if (!same) changed[field] = value instanceof Date ? value.toISOString() : value;
      }
      if (Object.keys(changed).length === 0) return this.views.view(cohort, true, tx);
      await this.saveNamed(next.name, () =>
        tx.getRepository(Cohort).update(id, { ...next, version: cohort.version + 1, updatedAt: new Date() }),
      );
      if (addedCourses.length > 0) {
        const members = (await tx.query(
          `SELECT user_id AS "userId" FROM cohort_member WHERE cohort_id = $1`,
          [id],
        )) as { userId: string }[];
        const created = await this.enrolments.enrol(
          members.map((member) => member.userId),
          addedCourses,
          tx,
        );
        changed.enrolmentsCreated = created.length;
      }
      await this.audit.record(
        {
          action: 'cohort.updated',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'cohort', id },
          institutionId: cohort.institutionId,
          client,
          details: changed,
        },
        tx,
      );
      return this.views.view(await this.reload(tx, id), true, tx);
    });
  }

  async close(id: string, auth: AuthContext, client: ClientInfo): Promise<CohortView> {
    return this.db.transaction(async (tx) => {
      const cohort = await this.getForStaff(id, auth, 'manage', tx);
      await tx.getRepository(Cohort).update(id, {
        closedAt: new Date(),
        closedBy: auth.userId,
        version: cohort.version + 1,
        updatedAt: new Date(),
      });
      await this.audit.record(
        {
          action: 'cohort.closed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'cohort', id },
          institutionId: cohort.institutionId,
          client,
          details: { name: cohort.name },
        },
        tx,
      );
      const closed = await this.reload(tx, id);
      return this.views.view(closed, false, tx);
    });
  }

  canManage(auth: AuthContext, cohort: Cohort): boolean {
    return !cohort.closedAt && this.administers(auth, cohort.institutionId);
  }

  private administers(auth: AuthContext, institutionId: string): boolean {
    return auth.isPlatformAdmin || institutionsWhere(auth, ADMIN).includes(institutionId);
  }

  /**
   * A facilitator who no longer trains in the cohort's institution (removed, or made a learner)
   * keeps the facilitator row but loses sight of the cohort's learners.
   */
  private async facilitates(cohort: Cohort, auth: AuthContext, tx?: EntityManager): Promise<boolean> {
    if (!institutionsWhere(auth, TRAINER).includes(cohort.institutionId)) return false;
    const rows = (await (tx ?? this.db.manager).query(
      `SELECT 1 FROM cohort_facilitator WHERE cohort_id = $1 AND user_id = $2`,
      [cohort.id, auth.userId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async reload(tx: EntityManager, id: string): Promise<Cohort> {
    return tx.getRepository(Cohort).findOneByOrFail({ id });
  }

  /** A name another cohort of the institution already has (any case) is a 409 naming the field. */
  private async saveNamed<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string; constraint?: string }).constraint === 'cohort_name_unique') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `The institution already has a cohort named "${name}". Choose another name.`,
          errors: [{ field: 'name', message: 'name is already used by another cohort', in: 'body' }],
          extensions: { code: 'name-taken' },
        });
      }
      throw error;
    }
  }
}

const INVITEE_COUNT = `(SELECT count(*)::int FROM cohort_invitee x JOIN invitation v ON v.id = x.invitation_id
   WHERE x.cohort_id = c.id AND v.accepted_at IS NULL AND v.revoked_at IS NULL)`;

interface SummaryRow {
  id: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  closedAt: Date | null;
  institutionId: string;
  institutionName: string;
  courseCount: number;
  memberCount: number;
  inviteeCount: number;
}

const toSummary = (row: SummaryRow): CohortSummary => ({
  id: row.id,
  institution: { id: row.institutionId, name: row.institutionName },
  name: row.name,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  status: row.closedAt ? 'closed' : 'open',
  courseCount: row.courseCount,
  memberCount: row.memberCount,
  inviteeCount: row.inviteeCount,
});

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

async function insertLinks(
  tx: EntityManager,
  cohortId: string,
  courseIds: readonly string[],
  facilitatorIds: readonly string[],
): Promise<void> {
  if (courseIds.length > 0) {
    await tx.query(
      // A microsecond apart, so the cohort keeps the courses in the order they were given.
      `INSERT INTO cohort_course (cohort_id, course_id, added_at)
       SELECT $1, given.course_id, now() + given.position * interval '1 microsecond'
         FROM unnest($2::uuid[]) WITH ORDINALITY AS given (course_id, position)
       ON CONFLICT DO NOTHING`,
      [cohortId, courseIds],
    );
  }
  if (facilitatorIds.length > 0) {
    await tx.query(
      `INSERT INTO cohort_facilitator (cohort_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [cohortId, facilitatorIds],
    );
  }
}

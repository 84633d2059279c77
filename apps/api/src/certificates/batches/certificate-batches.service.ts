import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { administeredCourse, CERTIFICATE_ADMIN_ROLES } from '../templates/course-facts.js';
import { inScope, scopeOf } from '../../users/admin-scope.js';
import {
  BATCH_COLUMNS,
  BATCH_FROM,
  batchView,
  type BatchItemView,
  type BatchRow,
  type BatchView,
} from './batch-view.js';
import { CertificateBatchWorker } from './certificate-batch.worker.js';
import { CohortsService } from '../../cohorts/cohorts.service.js';

const batchNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no certificate batch with id ${id} that you administer.`,
  });

/**
 * "Issue to everyone eligible" requests: one unfinished batch per course at a time (a course-keyed
 * advisory lock makes two simultaneous requests queue behind each other, so the second sees the
 * first), worked through by the in-process worker, which this kicks at once.
 */
@Injectable()
export class CertificateBatchesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly worker: CertificateBatchWorker,
    private readonly cohorts: CohortsService,
  ) {}

  async create(
    courseId: string,
    input: { reason: string; cohortId?: string },
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<BatchView> {
    const { reason } = input;
    const course = await administeredCourse(this.db.manager, courseId, auth);
    const cohort = input.cohortId ? await this.cohortOfCourse(input.cohortId, courseId, auth) : null;
    const id = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('certificate_batch:' || $1, 0))`, [
        courseId,
      ]);
      const unfinished: Array<{ id: string }> = await tx.query(
        `SELECT id FROM certificate_batch WHERE course_id = $1 AND status IN ('queued', 'running') LIMIT 1`,
        [courseId],
      );
      if (unfinished[0]) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `A batch for this course is not finished yet (${unfinished[0].id}); wait for it to end.`,
          extensions: { batchId: unfinished[0].id },
        });
      }
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO certificate_batch (course_id, requested_by, reason, cohort_id, cohort_name)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [courseId, auth.userId, reason, cohort?.id ?? null, cohort?.name ?? null],
      );
      const batchId = rows[0]!.id;
      await this.audit.record(
        {
          action: 'certificate_batch.requested',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'certificate_batch', id: batchId },
          institutionId: course.institutionId,
          client,
          details: { courseId, reason, ...(cohort ? { cohortId: cohort.id } : {}) },
        },
        tx,
      );
      return batchId;
    });
    this.worker.kick();
    return (await this.row(id))!;
  }

  async list(courseId: string, auth: AuthContext): Promise<BatchView[]> {
    await administeredCourse(this.db.manager, courseId, auth);
    const rows: BatchRow[] = await this.db.query(
      `SELECT ${BATCH_COLUMNS} FROM ${BATCH_FROM} WHERE b.course_id = $1 ORDER BY b.created_at DESC, b.id`,
      [courseId],
    );
    return rows.map(batchView);
  }

  /** The batch with an item per learner gone through, for its course's administrators. */
  async report(id: string, auth: AuthContext): Promise<BatchView & { items: BatchItemView[] }> {
    const rows: Array<BatchRow & { institution_id: string }> = await this.db.query(
      `SELECT ${BATCH_COLUMNS}, c.institution_id FROM ${BATCH_FROM} JOIN course c ON c.id = b.course_id
        WHERE b.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || !inScope(scopeOf(auth, CERTIFICATE_ADMIN_ROLES), row.institution_id)) throw batchNotFound(id);
    const items: Array<{
      user_id: string;
      name: string;
      outcome: BatchItemView['outcome'];
      certificate_id: string | null;
    }> = await this.db.query(
      `SELECT i.user_id, u.display_name AS name, i.outcome, i.certificate_id
           FROM certificate_batch_item i JOIN user_account u ON u.id = i.user_id
          WHERE i.batch_id = $1
          ORDER BY u.display_name, i.user_id`,
      [id],
    );
    return {
      ...batchView(row),
      items: items.map((item) => ({
        userId: item.user_id,
        learnerName: item.name,
        outcome: item.outcome,
        certificateId: item.certificate_id,
      })),
    };
  }

  /**
   * The cohort a batch is for: one the caller may see (404 as for an unknown id otherwise) that
   * includes the course (422: its members would have no certificate of this course to get).
   */
  private async cohortOfCourse(
    cohortId: string,
    courseId: string,
    auth: AuthContext,
  ): Promise<{ id: string; name: string }> {
    const cohort = await this.cohorts.getForStaff(cohortId, auth, 'read');
    if (!(await this.cohorts.courseIdsOf(cohort.id)).includes(courseId)) {
      throw new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail: `The cohort "${cohort.name}" does not include this course, so none of its members can be issued its certificate.`,
        errors: [{ field: 'cohortId', message: 'the cohort does not include this course', in: 'body' }],
        extensions: { code: 'cohort-without-course' },
      });
    }
    return { id: cohort.id, name: cohort.name };
  }

  private async row(id: string): Promise<BatchView | null> {
    const rows: BatchRow[] = await this.db.query(
      `SELECT ${BATCH_COLUMNS} FROM ${BATCH_FROM} WHERE b.id = $1`,
      [id],
    );
    return rows[0] ? batchView(rows[0]) : null;
  }
}

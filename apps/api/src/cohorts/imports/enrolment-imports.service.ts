import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { takeFilePart, type UploadBody } from '../../files/upload-body.js';
import { cleanFileName } from '../../files/upload-rules.js';
import { RateLimiter } from '../../rate-limit/rate-limiter.service.js';
import { inScope, scopeOf } from '../../users/admin-scope.js';
import type { Cohort } from '../cohort.entity.js';
import { CohortsService } from '../cohorts.service.js';
import { EnrolmentImportJobs } from './enrolment-import-jobs.js';
import { EnrolmentImportWorker } from './enrolment-import.worker.js';
import {
  importNotFound,
  notConfirmable,
  notDiscardable,
  reportingConsentRequired,
  rowsHaveProblems,
} from './import-problems.js';
import { pageOfRows } from './import-rows.js';
import {
  IMPORT_COLUMNS_SQL,
  IMPORT_FROM_SQL,
  importView,
  type ImportRecord,
  type ImportRowView,
  type ImportView,
  type RowOutcome,
} from './import-view.js';
import { importLanguageOf, isImportLanguage, type ImportLanguage } from './import-words.js';
import { importTemplate } from './import-template.js';
import { MAX_IMPORT_BYTES, receiveImportFile } from './receive-import-file.js';

/** Files up to this size are read in the request (201); larger ones by the worker (202, poll). */
export const INLINE_MAX_BYTES = 128 * 1024;
/** Imports with up to this many rows to apply are applied in the request (200); larger ones by the worker (202). */
export const INLINE_MAX_APPLY_ROWS = 1_000;

export interface Answer<T> {
  status: 200 | 201 | 202;
  body: T;
}

/**
 * Bulk enrolment into a cohort from a CSV file (ADR 0019): upload → preview (every row stored
 * with its outcome and problems) → confirm (applied in one transaction) or discard. Only the
 * cohort institution's administrators; another institution's cohort or import answers 404, a
 * closed cohort 409 to every change.
 */
@Injectable()
export class EnrolmentImportsService {
  private readonly uploadsPerHour: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly jobs: EnrolmentImportJobs,
    private readonly worker: EnrolmentImportWorker,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.uploadsPerHour = config.UPLOADS_PER_HOUR;
  }

  /** The multipart parser's own hard stop, one byte past the limit so that "over" can be told. */
  get hardLimitBytes(): number {
    return MAX_IMPORT_BYTES + 1;
  }

  async template(
    cohortId: string,
    language: ImportLanguage | undefined,
    auth: AuthContext,
  ): Promise<{ csv: string; language: ImportLanguage }> {
    await this.administered(cohortId, auth);
    const chosen = language ?? importLanguageOf(auth.preferredLanguage);
    return { csv: importTemplate(chosen), language: chosen };
  }

  async upload(
    cohortId: string,
    body: UploadBody,
    language: string | undefined,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<Answer<ImportView>> {
    // Who may upload, and into an open cohort, before a byte of the body is read.
    const cohort = await this.cohorts.getForStaff(cohortId, auth, 'manage');
    const part = await takeFilePart(body, {
      limiter: this.limiter,
      userId: auth.userId,
      uploadsPerHour: this.uploadsPerHour,
      what: 'CSV file',
    });
    const file = await receiveImportFile(part.file);
    const fieldLanguage = (part.fields.language as { value?: unknown } | undefined)?.value;
    const chosen = this.languageOf(typeof fieldLanguage === 'string' ? fieldLanguage : language, auth);
    const inline = file.content.length <= INLINE_MAX_BYTES;
    // Cleaned for the audit too: a control character (NUL) in the name is refused by jsonb.
    const fileName = cleanFileName(part.filename) || 'people.csv';
    const id = await this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `INSERT INTO enrolment_import (cohort_id, file_name, byte_size, sha256, language, content, created_by, heartbeat_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END) RETURNING id`,
        [cohortId, fileName, file.content.length, file.sha256, chosen, file.content, auth.userId, inline],
      )) as Array<{ id: string }>;
      await this.audit.record(
        {
          action: 'enrolment_import.uploaded',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'enrolment_import', id: row!.id },
          institutionId: cohort.institutionId,
          client,
          details: {
            cohortId,
            fileName,
            bytes: file.content.length,
            sha256: file.sha256,
          },
        },
        tx,
      );
      return row!.id;
    });
    if (!inline) {
      this.worker.kick();
      return { status: 202, body: await this.view(id) };
    }
    // Kept as `rejected` in the history; the answer is the refusal, naming the import.
    const refusal = await this.jobs.validate(id);
    if (refusal) {
      throw new ProblemException({
        ...refusal.problem,
        extensions: { ...refusal.problem.extensions, importId: id },
      });
    }
    return { status: 201, body: await this.view(id) };
  }

  async get(id: string, auth: AuthContext): Promise<ImportView> {
    const record = await this.record(id);
    await this.administered(record.cohort_id, auth, id);
    return importView(record);
  }

  async rows(
    id: string,
    outcome: RowOutcome | undefined,
    page: number,
    pageSize: number,
    auth: AuthContext,
  ): Promise<{ items: ImportRowView[]; page: number; pageSize: number; total: number }> {
    const record = await this.record(id);
    await this.administered(record.cohort_id, auth, id);
    return { ...(await pageOfRows(this.db.manager, id, outcome, page, pageSize)), page, pageSize };
  }

  async list(
    cohortId: string,
    page: number,
    pageSize: number,
    auth: AuthContext,
  ): Promise<{ items: ImportView[]; page: number; pageSize: number; total: number }> {
    await this.administered(cohortId, auth);
    const [rows, counted] = await Promise.all([
      this.db.query(
        `SELECT ${IMPORT_COLUMNS_SQL} FROM ${IMPORT_FROM_SQL} WHERE i.cohort_id = $1
          ORDER BY i.created_at DESC, i.id LIMIT $2 OFFSET $3`,
        [cohortId, pageSize, (page - 1) * pageSize],
      ) as Promise<ImportRecord[]>,
      this.db.query(`SELECT count(*)::int AS total FROM enrolment_import WHERE cohort_id = $1`, [
        cohortId,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { items: rows.map(importView), page, pageSize, total: counted[0]?.total ?? 0 };
  }

  async confirm(
    id: string,
    options: { skipInvalidRows?: boolean; reportingConsent?: boolean },
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<Answer<ImportView>> {
    const record = await this.record(id);
    const cohort = await this.managed(record.cohort_id, auth, id);
    this.assertConfirmable(record);
    if (record.invalid > 0 && options.skipInvalidRows !== true) throw rowsHaveProblems(record.invalid);
    if (record.has_reporting && options.reportingConsent !== true) throw reportingConsentRequired();
    // Said now rather than after the job started: the window is the usual reason to be refused.
    this.cohorts.assertOpenForEnrolment(cohort);
    const [claimed] = (await this.db.query(
      `UPDATE enrolment_import
          SET status = 'applying', skip_invalid_rows = $2, reporting_consent = $3, confirmed_by = $4,
              processed_rows = 0, error = NULL, heartbeat_at = CASE WHEN $5 THEN now() END
        WHERE id = $1 AND status = $6 RETURNING id`,
      [
        id,
        options.skipInvalidRows === true,
        options.reportingConsent === true,
        auth.userId,
        record.total_rows - record.invalid <= INLINE_MAX_APPLY_ROWS,
        record.status,
      ],
    )) as [Array<{ id: string }>, number];
    // Someone confirmed (or discarded) it a moment earlier.
    if (claimed.length === 0) throw notConfirmable((await this.record(id)).status);
    if (record.total_rows - record.invalid > INLINE_MAX_APPLY_ROWS) {
      this.worker.kick();
      return { status: 202, body: await this.view(id) };
    }
    const refusal = await this.jobs.apply(id, client);
    if (refusal) throw refusal;
    return { status: 200, body: await this.view(id) };
  }

  async discard(id: string, auth: AuthContext, client: ClientInfo): Promise<void> {
    const record = await this.record(id);
    const cohort = await this.managed(record.cohort_id, auth, id);
    await this.db.transaction(async (tx) => {
      const [changed] = (await tx.query(
        `UPDATE enrolment_import SET status = 'discarded', content = NULL, problem = NULL
          WHERE id = $1 AND status IN ('validating', 'previewed', 'rejected', 'failed') RETURNING id`,
        [id],
      )) as [Array<{ id: string }>, number];
      if (changed.length === 0) throw notDiscardable((await this.record(id)).status);
      await tx.query(`DELETE FROM enrolment_import_row WHERE import_id = $1`, [id]);
      await this.audit.record(
        {
          action: 'enrolment_import.discarded',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'enrolment_import', id },
          institutionId: cohort.institutionId,
          client,
          details: { cohortId: cohort.id, previousStatus: record.status },
        },
        tx,
      );
    });
  }

  /** A preview, or a failed apply of one (it rolled back: its rows are still there to confirm). */
  private assertConfirmable(record: ImportRecord): void {
    const previewedRows =
      record.new_accounts + record.existing_accounts + record.already_enrolled + record.invalid;
    const retry = record.status === 'failed' && record.total_rows > 0 && previewedRows === record.total_rows;
    if (record.status !== 'previewed' && !retry) throw notConfirmable(record.status);
  }

  /** The cohort, when the caller administers its institution (facilitators may not import): 404 otherwise. */
  private async administered(cohortId: string, auth: AuthContext, importId?: string): Promise<Cohort> {
    const cohort = await this.hiding(importId, () => this.cohorts.getForStaff(cohortId, auth, 'read'));
    if (!inScope(scopeOf(auth), cohort.institutionId))
      throw importId ? importNotFound(importId) : this.cohortHidden(cohortId);
    return cohort;
  }

  /** The cohort, for a change: administrators only, 409 when closed. */
  private async managed(cohortId: string, auth: AuthContext, importId: string): Promise<Cohort> {
    await this.administered(cohortId, auth, importId);
    return this.cohorts.getForStaff(cohortId, auth, 'manage');
  }

  private cohortHidden(cohortId: string): ProblemException {
    return new ProblemException({
      status: 404,
      type: ProblemType.NotFound,
      detail: `There is no cohort ${cohortId} that you administer.`,
      extensions: { code: 'cohort-not-found' },
    });
  }

  /** An import's cohort that the caller may not see is the import's 404, not the cohort's. */
  private async hiding<T>(importId: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (importId && error instanceof ProblemException && error.problem.status === 404)
        throw importNotFound(importId);
      throw error;
    }
  }

  private async record(id: string): Promise<ImportRecord> {
    const [row] = (await this.db.query(
      `SELECT ${IMPORT_COLUMNS_SQL} FROM ${IMPORT_FROM_SQL} WHERE i.id = $1`,
      [id],
    )) as ImportRecord[];
    if (!row) throw importNotFound(id);
    return row;
  }

  private async view(id: string): Promise<ImportView> {
    return importView(await this.record(id));
  }

  private languageOf(value: string | undefined, auth: AuthContext): ImportLanguage {
    if (value === undefined || value === '') return importLanguageOf(auth.preferredLanguage);
    if (isImportLanguage(value)) return value;
    throw new ProblemException({
      status: 400,
      type: ProblemType.ValidationFailed,
      detail: 'language must be one of en, es, fr',
      errors: [{ field: 'language', message: 'language must be one of en, es, fr', in: 'body' }],
    });
  }
}

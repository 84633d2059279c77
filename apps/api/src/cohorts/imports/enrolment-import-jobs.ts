import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { ClientInfo } from '../../auth/auth-context.js';
import { problemTitleFor } from '../../common/problem/problem-details.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import {
  CohortEnrolmentService,
  type EnrolPeopleResult,
  type PendingMail,
} from '../cohort-enrolment.service.js';
import { peopleByIds } from '../cohort-sources.query.js';
import { classifyRows } from './import-sources.query.js';
import { insertRows, rowsToApply } from './import-rows.js';
import type { AppliedCounts, StoredProblem } from './import-view.js';
import type { ImportLanguage } from './import-words.js';
import { readImportFile } from './read-import-file.js';

/** People handed to CohortEnrolmentService at once while applying; progress is told between. */
export const APPLY_CHUNK = 500;
/** Pieces the stored file is read in (the CSV reader streams, the bytes are already in memory). */
const READ_CHUNK = 64 * 1024;

/** A refusal as the import keeps it and ImportView shows it: RFC 9457 members with the extensions beside them. */
export const storedProblem = (error: ProblemException): StoredProblem => {
  const { extensions, ...problem } = error.problem;
  return { ...problem, title: problemTitleFor(problem.type), ...(extensions ?? {}) };
};

/** Thrown to stop a job on shutdown; the job goes back to the queue untouched. */
export class JobStopped extends Error {
  constructor() {
    super('The process is stopping.');
  }
}

/** The import was discarded while its rows were being read: reading stops. */
class ImportDiscarded extends Error {}

interface ValidatingImport {
  cohort_id: string;
  language: ImportLanguage;
  content: Buffer | null;
  created_by: string | null;
}

interface ApplyingImport {
  cohort_id: string;
  language: ImportLanguage;
  total_rows: number;
  invalid: number;
  confirmed_by: string | null;
  reporting_consent: boolean;
  status: string;
}

/**
 * The two pieces of work of an import, run in the request for a small file and by the worker for
 * a large one (the same code either way):
 * - validate: reads the stored file, stores every row with its problems, then decides for the
 *   whole file at once who has an account and who is already in the cohort: the preview;
 * - apply: enrols every row without problems through CohortEnrolmentService, all in ONE
 *   transaction (a failure half-way leaves nothing applied), then sends the mails once committed.
 * Both tell their progress and a heartbeat on the import row between batches, outside the
 * transaction, so that a poll sees it and a dead process's job is taken over.
 */
@Injectable()
export class EnrolmentImportJobs {
  private readonly logger = new Logger('EnrolmentImports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolment: CohortEnrolmentService,
    private readonly audit: AuditService,
  ) {}

  /** Answers the refusal when the file is refused (it is then `rejected`), null otherwise. */
  async validate(importId: string, stopping: () => boolean = () => false): Promise<ProblemException | null> {
    const [found] = (await this.db.query(
      `SELECT cohort_id, language, content, created_by FROM enrolment_import WHERE id = $1 AND status = 'validating'`,
      [importId],
    )) as ValidatingImport[];
    if (!found?.content) return null;
    const content = found.content;
    // A job taken over starts again from the file: rows a dead process stored are not trusted.
    await this.db.query(`DELETE FROM enrolment_import_row WHERE import_id = $1`, [importId]);
    try {
      const summary = await readImportFile(
        (function* () {
          for (let at = 0; at < content.length; at += READ_CHUNK) yield content.subarray(at, at + READ_CHUNK);
        })(),
        found.language,
        async (rows) => {
          if (stopping()) throw new JobStopped();
          await insertRows(this.db.manager, importId, rows);
          const last = rows[rows.length - 1]!.rowNumber;
          const [still] = (await this.db.query(
            `UPDATE enrolment_import SET total_rows = $2, processed_rows = $2, heartbeat_at = now()
              WHERE id = $1 AND status = 'validating' RETURNING id`,
            [importId, last],
          )) as [Array<{ id: string }>, number];
          if (still.length === 0) throw new ImportDiscarded();
          await nextTurn();
        },
      );
      await this.db.transaction(async (tx) => {
        await classifyRows(tx, importId, found.cohort_id);
        const [previewed] = (await tx.query(
          `UPDATE enrolment_import i
              SET status = 'previewed', content = NULL, total_rows = $2, processed_rows = $2, notices = $3::jsonb,
                  has_reporting = $4, heartbeat_at = now(),
                  new_accounts = c.new_accounts, existing_accounts = c.existing_accounts,
                  already_enrolled = c.already_enrolled, invalid = c.invalid
             FROM (SELECT count(*) FILTER (WHERE outcome = 'new_account')::int AS new_accounts,
                          count(*) FILTER (WHERE outcome = 'existing_account')::int AS existing_accounts,
                          count(*) FILTER (WHERE outcome = 'already_enrolled')::int AS already_enrolled,
                          count(*) FILTER (WHERE outcome = 'invalid')::int AS invalid
                     FROM enrolment_import_row WHERE import_id = $1) c
            WHERE i.id = $1 AND i.status = 'validating' RETURNING i.id`,
          [importId, summary.totalRows, JSON.stringify(summary.notices), summary.hasReporting],
        )) as [Array<{ id: string }>, number];
        // Discarded while it was being read: the rows stored since are not wanted either.
        if (previewed.length === 0)
          await tx.query(`DELETE FROM enrolment_import_row WHERE import_id = $1`, [importId]);
      });
    } catch (error) {
      if (error instanceof JobStopped) throw error;
      await this.db.query(`DELETE FROM enrolment_import_row WHERE import_id = $1`, [importId]);
      if (error instanceof ImportDiscarded) return null;
      if (error instanceof ProblemException) {
        // The file is refused: kept in the history with the reason, its bytes and rows dropped.
        await this.db.query(
          `UPDATE enrolment_import SET status = 'rejected', content = NULL, problem = $2::jsonb,
                  total_rows = 0, processed_rows = 0
            WHERE id = $1 AND status = 'validating'`,
          [importId, JSON.stringify(storedProblem(error))],
        );
        return error;
      }
      this.logger.error(`Enrolment import ${importId} could not be read: ${String(error)}`);
      await this.db.query(
        `UPDATE enrolment_import SET status = 'failed', content = NULL, error = $2, total_rows = 0, processed_rows = 0
          WHERE id = $1 AND status = 'validating'`,
        [importId, String(error).slice(0, 1000)],
      );
    }
    return null;
  }

  /**
   * Applies a confirmed import. Answers the problem that stopped it (the cohort was closed or its
   * window shut meanwhile), or null once applied; an unexpected error leaves the import `failed`.
   */
  async apply(
    importId: string,
    client?: ClientInfo,
    stopping: () => boolean = () => false,
  ): Promise<ProblemException | null> {
    const [found] = (await this.db.query(
      `SELECT cohort_id, language, total_rows, invalid, confirmed_by, reporting_consent, status
         FROM enrolment_import WHERE id = $1`,
      [importId],
    )) as ApplyingImport[];
    if (found?.status !== 'applying') return null;
    const [person] = await peopleByIds(this.db.manager, found.confirmed_by ? [found.confirmed_by] : []);
    const actor = {
      id: person?.id ?? found.confirmed_by ?? '',
      email: person?.email ?? '',
      displayName: person?.displayName ?? '',
      client,
    };
    await this.db.query(
      `UPDATE enrolment_import SET processed_rows = 0, heartbeat_at = now() WHERE id = $1`,
      [importId],
    );
    const mails: PendingMail[] = [];
    try {
      const counts = await this.db.transaction(async (tx) => {
        const total: AppliedCounts = {
          enrolled: 0,
          invited: 0,
          alreadyMember: 0,
          alreadyInvited: 0,
          skippedInvalid: found.invalid,
        };
        let applied = 0;
        for (let after = 0; ;) {
          if (stopping()) throw new JobStopped();
          const rows = await rowsToApply(tx, importId, after, APPLY_CHUNK);
          if (rows.length === 0) break;
          const result: EnrolPeopleResult = await this.enrolment.enrolPeople(
            found.cohort_id,
            rows.map((row) => ({ ...row, reporting: row.reporting })),
            actor,
            tx,
            { source: 'import', defaultLanguage: found.language },
          );
          total.enrolled += result.counts.enrolled;
          total.invited += result.counts.invited;
          total.alreadyMember += result.counts.alreadyMember;
          total.alreadyInvited += result.counts.alreadyInvited;
          mails.push(...result.mails);
          after = rows[rows.length - 1]!.rowNumber;
          applied += rows.length;
          // Outside the transaction: visible to a poll now, and it does not lock the import row.
          await this.db.query(
            `UPDATE enrolment_import SET processed_rows = least(total_rows, $2), heartbeat_at = now() WHERE id = $1`,
            [importId, applied + found.invalid],
          );
        }
        const [updated] = (await tx.query(
          `UPDATE enrolment_import SET status = 'applied', applied_at = now(), processed_rows = total_rows,
                  result = $2::jsonb, heartbeat_at = now(), error = NULL
            WHERE id = $1 AND status = 'applying' RETURNING id`,
          [importId, JSON.stringify(total)],
        )) as [Array<{ id: string }>, number];
        if (updated.length === 0) throw new Error('the import was changed while it was applied');
        // The answers now live with the invitees (until they accept) and nowhere else: a person who
        // later withdraws them from their profile must not leave a copy in an old import.
        await tx.query(
          `UPDATE enrolment_import_row SET reporting = NULL WHERE import_id = $1 AND reporting IS NOT NULL`,
          [importId],
        );
        const [cohort] = (await tx.query(`SELECT institution_id FROM cohort WHERE id = $1`, [
          found.cohort_id,
        ])) as Array<{
          institution_id: string;
        }>;
        await this.audit.record(
          {
            action: 'enrolment_import.applied',
            actor: { id: actor.id || null, email: actor.email },
            target: { type: 'enrolment_import', id: importId },
            institutionId: cohort?.institution_id ?? null,
            client,
            // The administrator's attestation that these people agreed to share their reporting answers.
            details: { cohortId: found.cohort_id, reportingConsent: found.reporting_consent, ...total },
          },
          tx,
        );
        return total;
      });
      this.logger.log(`Enrolment import ${importId} applied: ${JSON.stringify(counts)}`);
    } catch (error) {
      if (error instanceof JobStopped) throw error;
      const refusal = error instanceof ProblemException ? error : null;
      if (!refusal) this.logger.error(`Enrolment import ${importId} failed: ${String(error)}`);
      await this.db.query(
        `UPDATE enrolment_import SET status = 'failed', error = $2, processed_rows = 0 WHERE id = $1 AND status = 'applying'`,
        [importId, (refusal ? refusal.problem.detail : String(error)).slice(0, 1000)],
      );
      return refusal;
    }
    await this.enrolment.sendAfterCommit({ mails });
    return null;
  }
}

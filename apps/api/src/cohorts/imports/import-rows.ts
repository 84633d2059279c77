import type { EntityManager } from 'typeorm';
import type { ImportRowView, RowOutcome } from './import-view.js';
import type { ImportRow, ReportingFacts } from './validate-import-row.js';

/**
 * Stores a batch of checked rows in one statement (arrays unnested server-side: one round trip
 * per thousand rows, not one per row). A row starts as `invalid` or `new_account`; which accounts
 * exist and who is already in the cohort is decided afterwards for the whole file at once.
 */
export async function insertRows(
  db: EntityManager,
  importId: string,
  rows: readonly ImportRow[],
): Promise<void> {
  await db.query(
    `INSERT INTO enrolment_import_row
       (import_id, row_number, email, given_name, family_name, country, department, job_title, language,
        reporting, outcome, problems)
     SELECT $1, r.row_number, r.email, r.given_name, r.family_name, r.country, r.department, r.job_title,
            r.language, r.reporting::jsonb, r.outcome, r.problems::jsonb
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[])
            AS r (row_number, email, given_name, family_name, country, department, job_title, language,
                  reporting, outcome, problems)`,
    [
      importId,
      rows.map((row) => row.rowNumber),
      rows.map((row) => row.email),
      rows.map((row) => row.givenName),
      rows.map((row) => row.familyName),
      rows.map((row) => row.country),
      rows.map((row) => row.department),
      rows.map((row) => row.jobTitle),
      rows.map((row) => row.language),
      rows.map((row) => (row.reporting ? JSON.stringify(row.reporting) : null)),
      rows.map((row): RowOutcome => (row.problems.length > 0 ? 'invalid' : 'new_account')),
      rows.map((row) => JSON.stringify(row.problems)),
    ],
  );
}

interface StoredRow {
  row_number: number;
  email: string;
  given_name: string;
  family_name: string;
  country: string | null;
  department: string | null;
  job_title: string | null;
  language: string;
  outcome: RowOutcome;
  problems: ImportRowView['problems'];
}

export async function pageOfRows(
  db: EntityManager,
  importId: string,
  outcome: RowOutcome | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: ImportRowView[]; total: number }> {
  const filter = outcome ? 'AND outcome = $2' : 'AND $2::text IS NULL';
  const [rows, counted] = await Promise.all([
    db.query(
      `SELECT row_number, email, given_name, family_name, country, department, job_title, language, outcome, problems
         FROM enrolment_import_row WHERE import_id = $1 ${filter}
        ORDER BY row_number LIMIT $3 OFFSET $4`,
      [importId, outcome ?? null, pageSize, (page - 1) * pageSize],
    ) as Promise<StoredRow[]>,
    db.query(`SELECT count(*)::int AS total FROM enrolment_import_row WHERE import_id = $1 ${filter}`, [
      importId,
      outcome ?? null,
    ]) as Promise<Array<{ total: number }>>,
  ]);
  return {
    total: counted[0]?.total ?? 0,
    items: rows.map((row) => ({
      rowNumber: row.row_number,
      email: row.email,
      givenName: row.given_name,
      familyName: row.family_name,
      country: row.country,
      department: row.department,
      jobTitle: row.job_title,
      language: row.language,
      outcome: row.outcome,
      problems: row.problems,
    })),
  };
}

/** A row to apply, as CohortEnrolmentService takes people. */
export interface RowToApply {
  rowNumber: number;
  email: string;
  givenName: string;
  familyName: string;
  country: string | null;
  department: string | null;
  jobTitle: string | null;
  language: string;
  reporting: ReportingFacts | null;
}

/** The rows confirming applies (every row without problems), in file order, after `afterRow`. */
export async function rowsToApply(
  db: EntityManager,
  importId: string,
  afterRow: number,
  limit: number,
): Promise<RowToApply[]> {
  return (await db.query(
    `SELECT row_number AS "rowNumber", email, given_name AS "givenName", family_name AS "familyName", country,
            department, job_title AS "jobTitle", language, reporting
       FROM enrolment_import_row
      WHERE import_id = $1 AND outcome <> 'invalid' AND row_number > $2
      ORDER BY row_number LIMIT $3`,
    [importId, afterRow, limit],
  )) as RowToApply[];
}

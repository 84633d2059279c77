import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CohortEnrolmentService } from '../src/cohorts/cohort-enrolment.service.js';
import { EnrolmentImportWorker } from '../src/cohorts/imports/enrolment-import.worker.js';
import { createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import {
  addMember,
  cohortWithCourse,
  cohortWorld,
  createCohort,
  type CohortWorld,
} from './cohort-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

interface ImportBody {
  id: string;
  cohortId: string;
  status: string;
  language: string;
  totalRows: number;
  processedRows: number;
  counts: { newAccounts: number; existingAccounts: number; alreadyEnrolled: number; invalid: number };
  hasReportingFields: boolean;
  notices: { code: string; columns: string[]; message: string }[];
  problem: ({ code: string; detail: string } & Record<string, unknown>) | null;
  result: {
    enrolled: number;
    invited: number;
    alreadyMember: number;
    alreadyInvited: number;
    skippedInvalid: number;
  } | null;
}

interface RowBody {
  rowNumber: number;
  email: string;
  outcome: string;
  problems: { column: string; code: string; message: string; otherRowNumber?: number }[];
}

const HEADER = 'Email,Given name,Family name,Country,Language';

describe('enrolment imports: template, preview, confirm', () => {
  let t: TestApp;
  let db: DataSource;
  let world: CohortWorld;
  let otherAdmin: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await cohortWorld(t);
    const other = await createInstitutionWithAdmin(t, 'imports');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(() => t.close());

  const email = (label: string) => `${unique(label)}@example.org`;
  const csv = (lines: string[], header = HEADER) => `${header}\n${lines.join('\n')}\n`;

  const upload = (
    cohortId: string,
    content: string | Buffer,
    options: { name?: string; language?: string; session?: TestSession } = {},
  ) => {
    const req = call(
      t,
      options.session ?? world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohortId}/enrolment-imports`,
    );
    if (options.language) req.field('language', options.language);
    return req.attach(
      'file',
      typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
      options.name ?? 'people.csv',
    );
  };

  const importOf = async (id: string, session = world.institutionAdmin) =>
    (await call(t, session, 'get', `/api/studio/enrolment-imports/${id}`)).body as ImportBody;

  /** Polls a background import until it has left `validating`/`applying`. */
  const settled = async (id: string): Promise<ImportBody> => {
    for (let tries = 0; tries < 300; tries += 1) {
      const body = await importOf(id);
      if (body.status !== 'validating' && body.status !== 'applying') return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`import ${id} did not settle`);
  };

  const rowsOf = async (id: string, query = '') =>
    (await call(t, world.institutionAdmin, 'get', `/api/studio/enrolment-imports/${id}/rows${query}`))
      .body as {
      items: RowBody[];
      total: number;
    };

  const confirm = (id: string, body: object = {}, session = world.institutionAdmin) =>
    call(t, session, 'post', `/api/studio/enrolment-imports/${id}/confirm`).send(body);

  const mailsTo = async (to: string) =>
    (await db.query(
      `SELECT template, language, subject FROM mail_message WHERE lower(recipient) = lower($1) ORDER BY created_at, id`,
      [to],
    )) as { template: string; language: string; subject: string }[];

  const peopleIn = async (cohortId: string) => {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM cohort_member WHERE cohort_id = $1)::int AS members,
              (SELECT count(*) FROM cohort_invitee WHERE cohort_id = $1)::int AS invitees`,
      [cohortId],
    )) as { members: number; invitees: number }[];
    return row!;
  };

  const auditOf = async (importId: string) =>
    (
      (await db.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [importId])) as {
        action: string;
      }[]
    ).map((row) => row.action);

  it('offers the template with the headers in each language', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const path = `/api/studio/cohorts/${cohort.id}/enrolment-imports/template.csv`;
    const expected = {
      en: 'Email,Given name,Family name,Country',
      es: 'Correo electrónico,Nombre,Apellidos,País',
      fr: 'Courriel,Prénom,Nom,Pays',
    };
    for (const [language, start] of Object.entries(expected)) {
      const res = await call(t, world.institutionAdmin, 'get', `${path}?language=${language}`).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain(`enrolment-template-${language}.csv`);
      const text = res.text;
      expect(text.startsWith(`\ufeff${start}`)).toBe(true);
      expect(text.trim().split('\r\n')).toHaveLength(2);
    }
    // The demo administrator's preferred language is English.
    const byDefault = await call(t, world.institutionAdmin, 'get', path).buffer(true);
    expect(byDefault.text.startsWith('\ufeffEmail,')).toBe(true);
    expect((await call(t, world.institutionAdmin, 'get', `${path}?language=de`)).status).toBe(400);
  });

  it('previews a file: counts of new accounts, existing accounts, already enrolled and rows with problems', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const existing = await createPerson(t, undefined, 'import-existing');
    const member = await createPerson(t, undefined, 'import-member');
    expect(await addMember(t, world, cohort.id, { email: member.email })).toBe('enrolled');
    const fresh = email('import-new');
    const res = await upload(
      cohort.id,
      csv(
        [
          `${fresh},Ana,Tuilagi,Fiji,`,
          `${existing.email.toUpperCase()},Existing,Person,LC,`,
          `${member.email},Member,Already,,`,
          'not-an-email,Bad,Address,,',
          `${fresh},Ana,Again,,`,
          `${email('import-country')},Carl,Country,Atlantis,`,
        ],
        `${HEADER},Notes`,
      ),
    );
    expect(res.status).toBe(201);
    const body = res.body as ImportBody;
    expect(body).toMatchObject({
      cohortId: cohort.id,
      status: 'previewed',
      totalRows: 6,
      counts: { newAccounts: 1, existingAccounts: 1, alreadyEnrolled: 1, invalid: 3 },
      notices: [
        {
          code: 'columns-ignored',
          columns: ['Notes'],
          message: 'These columns are not used and were ignored: "Notes".',
        },
      ],
      problem: null,
    });
    const invalid = await rowsOf(body.id, '?outcome=invalid');
    expect(invalid.total).toBe(3);
    expect(
      invalid.items.map((row) => [row.rowNumber, row.problems.map((p) => `${p.column}:${p.code}`)]),
    ).toEqual([
      [4, ['email:email-invalid']],
      [5, ['email:email-duplicate-in-file']],
      [6, ['country:country-unknown']],
    ]);
    expect(invalid.items[1]!.problems[0]).toMatchObject({
      otherRowNumber: 1,
      message: expect.stringContaining('line 2'),
    });
    const all = await rowsOf(body.id, '?page=1&pageSize=2');
    expect(all.total).toBe(6);
    expect(all.items.map((row) => [row.rowNumber, row.outcome])).toEqual([
      [1, 'new_account'],
      [2, 'existing_account'],
    ]);
    expect(await auditOf(body.id)).toEqual(['enrolment_import.uploaded']);
    // Nothing is applied by a preview.
    expect(await peopleIn(cohort.id)).toEqual({ members: 1, invitees: 0 });
    expect(await mailsTo(fresh)).toEqual([]);
  });

  it('refuses what is not a CSV file, with a code and a sentence saying what to do', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.alloc(500, 7)]);
    const workbook = await upload(cohort.id, xlsx, { name: 'people.xlsx' });
    expect(workbook.status).toBe(422);
    expect(workbook.body).toMatchObject({ code: 'not-csv', detail: expect.stringContaining('CSV UTF-8') });
    expect(workbook.body.importId).toEqual(expect.any(String));
    expect((await importOf(workbook.body.importId as string)).status).toBe('rejected');

    const pdf = await upload(cohort.id, Buffer.from('%PDF-1.7\n\u0000\u0001binary', 'latin1'), {
      name: 'people.pdf',
    });
    expect(pdf.status).toBe(422);
    expect(pdf.body.code).toBe('not-csv');

    const latin1 = await upload(cohort.id, Buffer.from(csv(['andre@example.org,André,Dupont,,']), 'latin1'));
    expect(latin1.status).toBe(422);
    expect(latin1.body).toMatchObject({ code: 'not-csv', detail: expect.stringContaining('not UTF-8') });
  });

  it('takes a file whose name carries a control character, storing and auditing the name without it', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const body =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename*=utf-8\'\'list%00of%07people.csv\r\n' +
      `Content-Type: text/csv\r\n\r\n${csv([`${email('nul-name')},Ana,Tuilagi,FJ,en`])}\r\n--XX--\r\n`;
    const res = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/enrolment-imports`,
    )
      .set('content-type', 'multipart/form-data; boundary=XX')
      .send(body);
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('listofpeople.csv');
    const [uploaded] = (await db.query(
      `SELECT details->>'fileName' AS "fileName" FROM audit_event WHERE target_id = $1 AND action = 'enrolment_import.uploaded'`,
      [res.body.id],
    )) as { fileName: string }[];
    expect(uploaded).toEqual({ fileName: 'listofpeople.csv' });
  });

  it('refuses missing columns naming them in the file language, and an empty file', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const missing = await upload(cohort.id, 'Courriel;Pays\nm@example.org;FR\n', { language: 'fr' });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      code: 'missing-columns',
      missingColumns: [
        { column: 'given_name', header: 'Prénom' },
        { column: 'family_name', header: 'Nom' },
      ],
    });
    expect(missing.body.detail).toContain('"Prénom", "Nom"');

    const empty = await upload(cohort.id, Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('empty-file');
    const headerOnly = await upload(cohort.id, `${HEADER}\r\n`);
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body.code).toBe('empty-file');
    expect(await peopleIn(cohort.id)).toEqual({ members: 0, invitees: 0 });
  });

  it('refuses 100,001 rows in the background, keeping none of them', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const line = 'a@example.org,A,B,,\n';
    const res = await upload(cohort.id, `${HEADER}\n${line.repeat(100_001)}`);
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('validating');
    const done = await settled(res.body.id as string);
    expect(done.status).toBe('rejected');
    expect(done.problem).toMatchObject({ code: 'too-many-rows', status: 422 });
    expect(done.problem!.detail).toContain('100,000');
    expect((await rowsOf(done.id)).total).toBe(0);
  });

  it('reads an Excel "CSV UTF-8" export with semicolons and a BOM, in Spanish', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const lucia = email('lucia');
    const file = `\ufeffCorreo electrónico;Nombre;Apellidos;País;Ministerio o departamento;Idioma\r\n${lucia};Lucía;"Pérez; Gómez";República Dominicana;Hacienda;\r\n;;;;;\r\n`;
    const res = await upload(cohort.id, file, { language: 'es' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ language: 'es', totalRows: 1, counts: { newAccounts: 1, invalid: 0 } });
    const [row] = (await rowsOf(res.body.id as string)).items;
    expect(row).toMatchObject({
      email: lucia,
      givenName: 'Lucía',
      familyName: 'Pérez; Gómez',
      country: 'DO',
      language: 'es',
    });
  });

  it('takes a corrected file after refusing to confirm one with problems; confirming enrols and invites in their languages', async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    const existing = await createPerson(t, undefined, 'import-notified');
    await db.query(`UPDATE user_account SET preferred_language = 'fr' WHERE id = $1`, [existing.id]);
    const spanish = email('import-es');
    const french = email('import-fr');
    const lines = [`${spanish},Lucía,Pérez,,es`, `${french},Marie,Joseph,,`, `${existing.email},Exist,Ing,,`];
    const bad = await upload(cohort.id, csv([...lines, 'broken@,Bad,Row,,']), { language: 'fr' });
    expect(bad.body.counts.invalid).toBe(1);
    const refused = await confirm(bad.body.id as string);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'rows-have-problems', invalid: 1 });

    const fixed = await upload(cohort.id, csv([...lines, `${email('import-fixed')},Fixed,Row,,en`]), {
      language: 'fr',
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body.counts).toEqual({
      newAccounts: 3,
      existingAccounts: 1,
      alreadyEnrolled: 0,
      invalid: 0,
    });
    expect(
      (await call(t, world.institutionAdmin, 'delete', `/api/studio/enrolment-imports/${bad.body.id}`))
        .status,
    ).toBe(204);
    expect((await importOf(bad.body.id as string)).status).toBe('discarded');

    const applied = await confirm(fixed.body.id as string);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      status: 'applied',
      result: { enrolled: 1, invited: 3, alreadyMember: 0, alreadyInvited: 0, skippedInvalid: 0 },
    });
    expect(await peopleIn(cohort.id)).toEqual({ members: 1, invitees: 3 });
    const [enrolment] = (await db.query(
      `SELECT source FROM enrolment WHERE user_id = $1 AND course_id = $2`,
      [existing.id, course.id],
    )) as { source: string }[];
    expect(enrolment?.source).toBe('cohort');
    // Invitations in the row's language, or the import's when the row gives none; the existing user in theirs.
    expect((await mailsTo(spanish)).map((m) => [m.template, m.language])).toEqual([['invitation', 'es']]);
    expect((await mailsTo(french)).map((m) => [m.template, m.language])).toEqual([['invitation', 'fr']]);
    expect((await mailsTo(existing.email)).map((m) => [m.template, m.language])).toEqual([
      ['cohortEnrolled', 'fr'],
    ]);
    expect(await auditOf(fixed.body.id as string)).toEqual([
      'enrolment_import.uploaded',
      'enrolment_import.applied',
    ]);
    expect(await auditOf(bad.body.id as string)).toEqual([
      'enrolment_import.uploaded',
      'enrolment_import.discarded',
    ]);

    // Confirming twice changes nothing more.
    const again = await confirm(fixed.body.id as string);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-confirmed');
    expect(
      (await call(t, world.institutionAdmin, 'delete', `/api/studio/enrolment-imports/${fixed.body.id}`))
        .status,
    ).toBe(409);

    // The same file again: every row already enrolled, and confirming it sends nothing.
    const repeat = await upload(
      cohort.id,
      csv([...lines, `${email('import-fixed')},Fixed,Row,,en`].slice(0, 3)),
      { language: 'fr' },
    );
    expect(repeat.body.counts).toEqual({
      newAccounts: 0,
      existingAccounts: 0,
      alreadyEnrolled: 3,
      invalid: 0,
    });
    const noop = await confirm(repeat.body.id as string);
    expect(noop.body.result).toMatchObject({ enrolled: 0, invited: 0, alreadyMember: 1, alreadyInvited: 2 });
    expect(await peopleIn(cohort.id)).toEqual({ members: 1, invitees: 3 });
    expect(await mailsTo(spanish)).toHaveLength(1);
    expect(await mailsTo(existing.email)).toHaveLength(1);

    const history = await call(
      t,
      world.institutionAdmin,
      'get',
      `/api/studio/cohorts/${cohort.id}/enrolment-imports`,
    );
    expect(history.body.total).toBe(3);
    expect((history.body.items as ImportBody[]).map((item) => item.status)).toEqual([
      'applied',
      'applied',
      'discarded',
    ]);
  });

  it('skips rows with problems when asked', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const res = await upload(cohort.id, csv([`${email('skip-ok')},Ok,Person,,`, 'nope,Bad,Person,,']));
    const applied = await confirm(res.body.id as string, { skipInvalidRows: true });
    expect(applied.status).toBe(200);
    expect(applied.body.result).toMatchObject({ invited: 1, skippedInvalid: 1 });
    expect(await peopleIn(cohort.id)).toEqual({ members: 0, invitees: 1 });
  });

  it('needs the consent attestation when rows give reporting fields, and keeps them with the invitee', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const person = email('import-reporting');
    const res = await upload(
      cohort.id,
      csv(
        [`${person},Ana,Tuilagi,FJ,en,Mujer,25-34,no,Viti Levu`],
        `${HEADER},Sex,Age band,Disability,Island or region`,
      ),
    );
    expect(res.body.hasReportingFields).toBe(true);
    const refused = await confirm(res.body.id as string, { reportingConsent: false });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('reporting-consent-required');
    expect(await peopleIn(cohort.id)).toEqual({ members: 0, invitees: 0 });
    const applied = await confirm(res.body.id as string, { reportingConsent: true });
    expect(applied.status).toBe(200);
    const [invitee] = (await db.query(`SELECT country, reporting FROM cohort_invitee WHERE cohort_id = $1`, [
      cohort.id,
    ])) as {
      country: string;
      reporting: Record<string, unknown>;
    }[];
    expect(invitee).toEqual({
      country: 'FJ',
      reporting: { sex: 'female', ageBand: '25_34', disability: 'no', islandRegion: 'Viti Levu' },
    });
    const [audit] = (await db.query(
      `SELECT actor_email, details FROM audit_event WHERE target_id = $1 AND action = 'enrolment_import.applied'`,
      [res.body.id],
    )) as { actor_email: string; details: { reportingConsent: boolean } }[];
    expect(audit?.details.reportingConsent).toBe(true);
  });

  it("keeps no reporting answers in the import's rows once applied: only the invitee holds them, until accepted", async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const res = await upload(
      cohort.id,
      csv(
        [
          `${email('import-reporting-new')},Ana,Tuilagi,FJ,en,female,25_34,no,Viti Levu`,
          `${world.learner.email},Existing,Learner,GY,en,male,35_44,yes,Essequibo`,
        ],
        `${HEADER},Sex,Age band,Disability,Island or region`,
      ),
    );
    expect(res.status).toBe(201);
    const applied = await confirm(res.body.id as string, { reportingConsent: true });
    expect(applied.status).toBe(200);
    const [kept] = (await db.query(
      `SELECT count(*)::int AS n FROM enrolment_import_row WHERE import_id = $1 AND reporting IS NOT NULL`,
      [res.body.id],
    )) as { n: number }[];
    expect(kept!.n).toBe(0);
    const invitees = (await db.query(`SELECT reporting FROM cohort_invitee WHERE cohort_id = $1`, [
      cohort.id,
    ])) as { reporting: Record<string, unknown> }[];
    expect(invitees).toEqual([
      { reporting: { sex: 'female', ageBand: '25_34', disability: 'no', islandRegion: 'Viti Levu' } },
    ]);
  });

  it("forgets a person's rows in every import when they delete their account", async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const person = await createPerson(t, undefined, 'deleting');
    const stays = email('stays');
    const preview = await upload(
      cohort.id,
      csv([`${person.email},Dana,Deleted,LC,en`, `${stays},Sam,Stays,LC,en`]),
    );
    expect(preview.status).toBe(201);
    const session = await signIn(t, person.email, person.password);
    const deleted = await call(t, session, 'delete', '/api/me').send({ password: person.password });
    expect(deleted.status).toBe(204);
    const rows = await rowsOf(preview.body.id as string);
    expect(rows.items.map((row) => row.email)).toEqual([stays]);
  });

  it("refuses a closed cohort and hides another institution's cohort and imports", async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const preview = await upload(cohort.id, csv([`${email('closing')},A,B,,`]));
    expect(preview.status).toBe(201);

    const hidden = await upload(cohort.id, csv([`${email('other')},A,B,,`]), { session: otherAdmin });
    expect(hidden.status).toBe(404);
    expect(
      (await call(t, otherAdmin, 'get', `/api/studio/enrolment-imports/${preview.body.id}`)).status,
    ).toBe(404);
    expect((await confirm(preview.body.id as string, {}, otherAdmin)).status).toBe(404);
    // The facilitator follows the cohort but may not import into it.
    expect(
      (await upload(cohort.id, csv([`${email('trainer')},A,B,,`]), { session: world.trainer })).status,
    ).toBe(403);

    expect(
      (await call(t, world.institutionAdmin, 'post', `/api/studio/cohorts/${cohort.id}/close`)).status,
    ).toBe(200);
    const closed = await upload(cohort.id, csv([`${email('closed')},A,B,,`]));
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('cohort-closed');
    const late = await confirm(preview.body.id as string);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('cohort-closed');
    expect(await peopleIn(cohort.id)).toEqual({ members: 0, invitees: 0 });
    // Its history can still be read.
    expect((await importOf(preview.body.id as string)).status).toBe('previewed');
  });

  it('takes over a job whose process died, reading the stored file again from the start', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const file = csv([`${email('takeover-a')},A,One,,`, `${email('takeover-b')},B,Two,,`]);
    const res = await upload(cohort.id, file);
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    // As a process that died half-way leaves it: validating, a row stored, its heartbeat two minutes old.
    await db.query(`DELETE FROM enrolment_import_row WHERE import_id = $1 AND row_number = 2`, [id]);
    await db.query(
      `UPDATE enrolment_import SET status = 'validating', content = $2, processed_rows = 1, total_rows = 1,
              heartbeat_at = now() - interval '2 minutes' WHERE id = $1`,
      [id, Buffer.from(file)],
    );
    t.app.get(EnrolmentImportWorker).kick();
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'previewed', totalRows: 2, counts: { newAccounts: 2, invalid: 0 } });
    expect((await rowsOf(id)).items.map((row) => row.rowNumber)).toEqual([1, 2]);
  });

  it('stops reading a large file that is discarded meanwhile, and keeps none of its rows', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const lines = Array.from({ length: 20_000 }, (_, i) => `discard-${i}@example.org,Person,${i},,`);
    const res = await upload(cohort.id, csv(lines));
    expect(res.status).toBe(202);
    expect(
      (await call(t, world.institutionAdmin, 'delete', `/api/studio/enrolment-imports/${res.body.id}`))
        .status,
    ).toBe(204);
    const done = await settled(res.body.id as string);
    expect(done.status).toBe('discarded');
    // The worker notices at its next batch at the latest, and removes what it stored.
    let left = -1;
    for (let tries = 0; tries < 50 && left !== 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = (await rowsOf(res.body.id as string)).total;
    }
    expect(left).toBe(0);
    const [stored] = (await db.query(
      `SELECT content IS NULL AS gone, status FROM enrolment_import WHERE id = $1`,
      [res.body.id],
    )) as { gone: boolean; status: string }[];
    expect(stored).toEqual({ gone: true, status: 'discarded' });
  });

  it('applies a large import in the background in one transaction: a failure half-way leaves nothing applied', async () => {
    const cohort = await createCohort(t, world);
    const lines = Array.from({ length: 1_200 }, (_, i) => `${unique(`bulk${i}`)}@example.org,Person,${i},,`);
    const res = await upload(cohort.id, csv(lines));
    expect(res.status).toBe(201);
    expect(res.body.counts.newAccounts).toBe(1_200);

    const enrolment = t.app.get(CohortEnrolmentService);
    const original = enrolment.enrolPeople.bind(enrolment);
    let calls = 0;
    const spy = jest.spyOn(enrolment, 'enrolPeople').mockImplementation(async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error('the database went away');
      return original(...args);
    });
    try {
      const started = await confirm(res.body.id as string);
      expect(started.status).toBe(202);
      expect(started.body.status).toBe('applying');
      const failed = await settled(res.body.id as string);
      expect(failed.status).toBe('failed');
      expect(failed.problem).toMatchObject({ code: 'import-failed' });
      expect(calls).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(await peopleIn(cohort.id)).toEqual({ members: 0, invitees: 0 });
    expect(await mailsTo(lines[0]!.split(',')[0]!)).toEqual([]);
    expect(await auditOf(res.body.id as string)).toEqual(['enrolment_import.uploaded']);

    // Confirmed again once the cause is gone: everyone, all at once.
    expect((await confirm(res.body.id as string)).status).toBe(202);
    const applied = await settled(res.body.id as string);
    expect(applied).toMatchObject({ status: 'applied', processedRows: 1_200, result: { invited: 1_200 } });
    expect(await peopleIn(cohort.id)).toEqual({ members: 0, invitees: 1_200 });
    // The mails go once the transaction committed, after the status says applied.
    const last = lines[1_199]!.split(',')[0]!;
    for (let tries = 0; tries < 100 && (await mailsTo(last)).length === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await mailsTo(last)).map((m) => m.template)).toEqual(['invitation']);
  });
});

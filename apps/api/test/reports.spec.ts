import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReportFreshness } from '../src/reports/report-freshness.service.js';
import { SeedService } from '../src/seed/seed.service.js';
import { createInstitutionWithAdmin } from './admin-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Reports over a small world of known figures, put straight into the database (the figures, not
 * the way learners reach them, are under test), in an institution of its own so that other test
 * files' learners never count.
 *
 * Institution X gives three courses:
 *   - A: a1–a10 (Saint Lucia, Ministry of Finance; a1–a7 female, a8–a10 male) and d1, d2
 *     (Dominica, nothing stated). a1–a6 completed, 10 days after enrolling; a1–a5 have a graded
 *     quiz, a1–a4 passed; a1–a9 were active in October. Cohort K (of X, on A) holds a1–a8.
 *   - B: b1–b6 (Saint Lucia, a department typed as a spreadsheet formula; b1–b3 female, b4–b6
 *     male) and d1, d2. b1 failed a graded quiz.
 *   - C: c1–c4 (Saint Lucia, nothing stated but c1's department, which no one else has) and d1, d2.
 * Everyone enrolled in September 2026. 26 enrolments of 22 people; d1 and d2 make 6 of them.
 * Institution Y has one course with 5 learners, to show that X's admin never counts them.
 */
const SEPTEMBER = '2026-09-03T10:00:00Z';
const OCTOBER = '2026-10-05T10:00:00Z';
const COMPLETED = '2026-09-13T10:00:00Z';
/** Unique to this file, so a report filtered by it alone counts no other file's learners. */
const FINANCE = `Ministry of Finance ${randomUUID().slice(0, 8)}`;
const LONE_ISLAND = `Cay of one ${randomUUID().slice(0, 8)}`;
const LONE_DEPARTMENT = `Office of one ${randomUUID().slice(0, 8)}`;
const FORMULA_DEPARTMENT = '=HYPERLINK("http://x","Finance")';

interface Learner {
  country: string;
  department: string | null;
  sex: string | null;
  island?: string;
}

describe('reports', () => {
  let t: TestApp;
  let db: DataSource;
  let platformAdmin: TestSession;
  let adminX: TestSession;
  let adminY: TestSession;
  const x = { institutionId: '', courses: {} as Record<'A' | 'B' | 'C', string>, cohortId: '', name: '' };
  let institutionY = '';

  async function course(institutionId: string, title: string): Promise<{ id: string; versionId: string }> {
    const [row] = (await db.query(
      `INSERT INTO course (slug, title, language, institution_id, status) VALUES ($1, $2, 'en', $3, 'published') RETURNING id`,
      [unique('report-course'), title, institutionId],
    )) as { id: string }[];
    const [version] = (await db.query(
      `INSERT INTO course_version (course_id, number, snapshot) VALUES ($1, 1, '{"modules": []}') RETURNING id`,
      [row!.id],
    )) as { id: string }[];
    return { id: row!.id, versionId: version!.id };
  }

  async function person(learner: Learner): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO user_account (email, display_name, password_hash, country, department)
       VALUES ($1, 'Report learner', 'x', $2, $3) RETURNING id`,
      [`${unique('report')}@example.org`, learner.country, learner.department],
    )) as { id: string }[];
    if (learner.sex) {
      await db.query(
        `INSERT INTO reporting_profile (user_id, sex, island_region, consented_at) VALUES ($1, $2, $3, now())`,
        [row!.id, learner.sex, learner.island ?? null],
      );
    }
    return row!.id;
  }

  async function enrol(
    userId: string,
    target: { id: string; versionId: string },
    facts: { completed?: boolean; quiz?: boolean | null; active?: boolean } = {},
  ): Promise<void> {
    const [enrolment] = (await db.query(
      `INSERT INTO enrolment (course_id, user_id, version_id, source, enrolled_at, completed_at)
       VALUES ($1, $2, $3, 'open', $4, $5) RETURNING id`,
      [target.id, userId, target.versionId, SEPTEMBER, facts.completed ? COMPLETED : null],
    )) as { id: string }[];
    if (facts.active) {
      await db.query(
        `INSERT INTO activity_progress (enrolment_id, activity_id, status, first_viewed_at, updated_at)
         VALUES ($1, $2, 'started', $3, $3)`,
        [enrolment!.id, randomUUID(), OCTOBER],
      );
    }
    if (facts.quiz !== undefined && facts.quiz !== null) {
      await db.query(
        `INSERT INTO quiz_attempt (enrolment_id, user_id, activity_id, version_id, number, status, started_at,
                                   submitted_at, max_points, points, score, passed)
         VALUES ($1, $2, $3, $4, 1, 'submitted', $5, $5, 10, $6, $7, $8)`,
        [
          enrolment!.id,
          userId,
          randomUUID(),
          target.versionId,
          OCTOBER,
          facts.quiz ? 8 : 3,
          facts.quiz ? 0.8 : 0.3,
          facts.quiz,
        ],
      );
    }
  }

  const report = (session: TestSession | undefined, path: string, query: Record<string, string> = {}) =>
    call(t, session, 'get', `/api/studio/reports/${path}`).query(query);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    platformAdmin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    const createdX = await createInstitutionWithAdmin(t, 'reports-x');
    const createdY = await createInstitutionWithAdmin(t, 'reports-y');
    x.institutionId = createdX.institutionId;
    institutionY = createdY.institutionId;
    adminX = await signIn(t, createdX.admin.email, createdX.admin.password);
    adminY = await signIn(t, createdY.admin.email, createdY.admin.password);
    const [named] = (await db.query(`SELECT name FROM institution WHERE id = $1`, [x.institutionId])) as {
      name: string;
    }[];
    x.name = named!.name;

    const A = await course(x.institutionId, 'Course A');
    const B = await course(x.institutionId, 'Course B');
    const C = await course(x.institutionId, 'Course C');
    x.courses = { A: A.id, B: B.id, C: C.id };
    const [cohort] = (await db.query(
      `INSERT INTO cohort (institution_id, name) VALUES ($1, $2) RETURNING id`,
      [x.institutionId, 'Cohort K'],
    )) as { id: string }[];
    x.cohortId = cohort!.id;
    await db.query(`INSERT INTO cohort_course (cohort_id, course_id) VALUES ($1, $2)`, [x.cohortId, A.id]);

    const d = [
      await person({ country: 'DM', department: null, sex: null }),
      await person({ country: 'DM', department: null, sex: null }),
    ];
    for (let i = 1; i <= 10; i += 1) {
      const island = i <= 5 ? 'North' : i === 6 ? LONE_ISLAND : undefined;
      const id = await person({
        country: 'LC',
        department: FINANCE,
        sex: i <= 7 ? 'female' : 'male',
        island,
      });
      await enrol(id, A, { completed: i <= 6, quiz: i <= 5 ? i <= 4 : null, active: i <= 9 });
      if (i <= 8) {
        await db.query(`INSERT INTO cohort_member (cohort_id, user_id, source) VALUES ($1, $2, 'manual')`, [
          x.cohortId,
          id,
        ]);
      }
    }
    for (let i = 1; i <= 6; i += 1) {
      const id = await person({
        country: 'LC',
        department: FORMULA_DEPARTMENT,
        sex: i <= 3 ? 'female' : 'male',
      });
      await enrol(id, B, { quiz: i === 1 ? false : null });
    }
    for (let i = 1; i <= 4; i += 1) {
      // "Prefer not to say" is not stated too.
      // c1 alone typed their department: it is never shown by name.
      const department = i === 1 ? LONE_DEPARTMENT : null;
      await enrol(await person({ country: 'LC', department, sex: i === 1 ? 'prefer_not_to_say' : null }), C);
    }
    for (const id of d) for (const target of [A, B, C]) await enrol(id, target);

    const Y = await course(institutionY, 'Course of Y');
    for (let i = 1; i <= 5; i += 1)
      await enrol(await person({ country: 'LC', department: null, sex: 'female' }), Y);

    await t.app.get(ReportFreshness).refresh();
  });
  afterAll(() => t.close());

  const ofX = (extra: Record<string, string> = {}) => ({ institutionId: x.institutionId, ...extra });

  it('summarises the institution: enrolments, active learners, completions, pass rate and days to complete', async () => {
    const res = await report(platformAdmin, 'summary', ofX());
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      suppressed: false,
      enrolments: 26,
      activeLearners: 9,
      completions: 6,
      passRate: 0.667,
      averageDaysToComplete: 10,
      withheld: [],
    });
    expect(new Date(res.body.dataAsOf).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('counts each measure in the period asked: enrolled in September, active and graded in October', async () => {
    const october = await report(platformAdmin, 'summary', ofX({ from: '2026-10', to: '2026-10' }));
    expect(october.body.totals).toMatchObject({
      enrolments: 0,
      activeLearners: 9,
      completions: 0,
      passRate: 0.667,
      averageDaysToComplete: null,
    });
    const september = await report(platformAdmin, 'summary', ofX({ from: '2026-09', to: '2026-09' }));
    expect(september.body.totals).toMatchObject({ enrolments: 26, activeLearners: 0, completions: 6 });
    expect(september.body.period).toEqual({ from: '2026-09', to: '2026-09' });
  });

  it('refuses a period that ends before it starts, and a month that is not one', async () => {
    const backwards = await report(platformAdmin, 'summary', ofX({ from: '2026-10', to: '2026-09' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toMatch(/ends before it starts/);
    const bad = await report(platformAdmin, 'breakdown', ofX({ by: 'course', from: '2026-13' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
    const unknown = await report(platformAdmin, 'breakdown', ofX({ by: 'planet' }));
    expect(unknown.status).toBe(400);
  });

  it('breaks down by course, with names and totals', async () => {
    const res = await report(platformAdmin, 'breakdown', ofX({ by: 'course' }));
    expect(res.status).toBe(200);
    expect(res.body.categories).toEqual([]);
    const rows = res.body.groups.map(
      (g: { label: string; total: { enrolments: number; completions: number } }) => [
        g.label,
        g.total.enrolments,
        g.total.completions,
      ],
    );
    expect(rows).toEqual([
      ['Course A', 12, 6],
      ['Course B', 8, 0],
      ['Course C', 6, 0],
    ]);
    expect(res.body.totals.total.enrolments).toBe(26);
    expect(res.body.groups[0].key).toBe(x.courses.A);
  });

  it('breaks down by institution, cohort (those in none apart), department and month', async () => {
    const institution = await report(platformAdmin, 'breakdown', ofX({ by: 'institution' }));
    expect(institution.body.groups).toEqual([
      expect.objectContaining({
        key: x.institutionId,
        label: x.name,
        total: expect.objectContaining({ enrolments: 26 }),
      }),
    ]);

    const cohort = await report(platformAdmin, 'breakdown', ofX({ by: 'cohort' }));
    expect(
      cohort.body.groups.map((g: { key: string; label: string | null; total: { enrolments: number } }) => [
        g.key,
        g.label,
        g.total.enrolments,
      ]),
    ).toEqual([
      [x.cohortId, 'Cohort K', 8],
      ['none', null, 18],
    ]);
    const inCohort = await report(platformAdmin, 'summary', ofX({ cohortId: x.cohortId }));
    expect(inCohort.body.totals).toMatchObject({ enrolments: 8, completions: 6, activeLearners: 8 });

    // c1's department (one person) is counted among other departments, never named; not stated
    // (5 people) is hidden with it, or the total would tell.
    const department = await report(platformAdmin, 'breakdown', ofX({ by: 'department' }));
    expect(
      department.body.groups.map(
        (g: { key: string; label: string | null; total: { enrolments: number | null } }) => [
          g.key === FORMULA_DEPARTMENT || g.key === FINANCE ? 'named' : g.key,
          g.label,
          g.total.enrolments,
        ],
      ),
    ).toEqual([
      ['named', FORMULA_DEPARTMENT, 6],
      ['named', FINANCE, 10],
      ['other', null, null],
      ['not_stated', null, null],
    ]);
    expect(JSON.stringify(department.body)).not.toContain(LONE_DEPARTMENT);

    const month = await report(platformAdmin, 'breakdown', ofX({ by: 'month' }));
    expect(
      month.body.groups.map(
        (g: { key: string; total: { enrolments: number; activeLearners: number; completions: number } }) => [
          g.key,
          g.total.enrolments,
          g.total.activeLearners,
          g.total.completions,
        ],
      ),
    ).toEqual([
      ['2026-09', 26, 0, 6],
      ['2026-10', 0, 9, 0],
    ]);
  });

  it('counts a month the same with or without a filter on enrolments (two ways of counting people)', async () => {
    type Group = { key: string; total: Record<string, unknown> };
    const months = async (query: Record<string, string>) =>
      (
        (await report(platformAdmin, 'breakdown', { by: 'month', disaggregate: 'sex', ...query })).body
          .groups as Group[]
      ).map((g) => [g.key, g.total]);
    const alone = await months({ department: FINANCE });
    expect(alone).toEqual(await months(ofX({ department: FINANCE })));
    expect(alone).toEqual([
      [
        '2026-09',
        expect.objectContaining({
          enrolments: 10,
          activeLearners: 0,
          completions: 6,
          averageDaysToComplete: 10,
        }),
      ],
      [
        '2026-10',
        expect.objectContaining({ enrolments: 0, activeLearners: 9, completions: 0, passRate: 0.8 }),
      ],
    ]);
  });

  it('counts people, not enrolments, against the threshold: two learners in three courses are not a group of 6', async () => {
    const res = await report(platformAdmin, 'breakdown', ofX({ by: 'country' }));
    const dm = res.body.groups.find((g: { key: string }) => g.key === 'DM');
    expect(dm.total).toMatchObject({ suppressed: true, enrolments: null });
    // With two countries and the total shown, Saint Lucia's figure would give Dominica's away.
    const lc = res.body.groups.find((g: { key: string }) => g.key === 'LC');
    expect(lc.total.suppressed).toBe(true);
    expect(res.body.totals.total.enrolments).toBe(26);
  });

  it('disaggregates by sex with not stated as its own group, and suppresses small groups and what would reveal them', async () => {
    const res = await report(platformAdmin, 'breakdown', ofX({ by: 'course', disaggregate: 'sex' }));
    expect(res.body.categories).toEqual(['female', 'male', 'another', 'not_stated']);
    // The totals row: women 10, men 6, not stated 10 enrolments (6 people), 26 in all.
    expect(res.body.totals.total).toMatchObject({ suppressed: false, enrolments: 26 });
    expect(res.body.totals.cells.female).toMatchObject({ suppressed: false, enrolments: 10 });
    type Cell = { suppressed: boolean; enrolments: number | null };
    const [a, b, c] = res.body.groups as Array<{ cells: Record<string, Cell>; total: Cell }>;
    // Course A: 7 women, 3 men, 2 not stated: the 3 and the 2 are hidden.
    expect(a!.cells.male).toMatchObject({ suppressed: true, enrolments: null });
    expect(a!.cells.not_stated).toMatchObject({ suppressed: true, enrolments: null });
    // Course C: everyone is "not stated" (no consent, no answer, or preferring not to say).
    expect(c!.total.enrolments).toBe(6);
    for (const group of [a!, b!, c!]) {
      expect(group.total.suppressed).toBe(false);
      const cells = Object.values(group.cells);
      // Nothing shown rests on 1–4 people, and no row has a single hidden cell its total would give away.
      expect(
        cells.filter((cell) => !cell.suppressed && cell.enrolments! > 0 && cell.enrolments! < 5),
      ).toEqual([]);
      expect(cells.filter((cell) => cell.suppressed).length).not.toBe(1);
    }
    for (const category of res.body.categories as string[]) {
      const column = [a!, b!, c!].map((group) => group.cells[category]!);
      if (!res.body.totals.cells[category].suppressed)
        expect(column.filter((cell) => cell.suppressed).length).not.toBe(1);
    }
  });

  it('lists every category of a characteristic, not stated last, even when empty', async () => {
    const res = await report(
      platformAdmin,
      'breakdown',
      ofX({ by: 'institution', disaggregate: 'disability' }),
    );
    expect(res.body.categories).toEqual(['yes', 'no', 'not_stated']);
    expect(res.body.groups[0].cells.not_stated.enrolments).toBe(26);
    expect(res.body.groups[0].cells.yes).toMatchObject({ suppressed: false, enrolments: 0 });
  });

  it('names an island or region only when 5 people gave it; the others are counted together', async () => {
    const res = await report(
      platformAdmin,
      'breakdown',
      ofX({ by: 'institution', disaggregate: 'island_region' }),
    );
    expect(res.body.categories).toEqual(['North', 'other', 'not_stated']);
    // North (5) is named; the other (1) is hidden, and North with it: the smallest beside it.
    expect(res.body.groups[0].cells.other.suppressed).toBe(true);
    expect(res.body.groups[0].cells.North.suppressed).toBe(true);
    expect(res.body.groups[0].cells.not_stated).toMatchObject({ suppressed: false, enrolments: 20 });
    expect(JSON.stringify(res.body)).not.toContain(LONE_ISLAND);
  });

  it('withholds a rate resting on fewer than 5 people, and another the total would give away, saying which measure', async () => {
    const res = await report(platformAdmin, 'breakdown', ofX({ by: 'course' }));
    const [a, b, c] = res.body.groups;
    // B: one learner has a graded quiz. A's rate (5 graded) goes too, or the overall 4 in 6 would tell B's.
    expect(b.total).toMatchObject({
      suppressed: false,
      enrolments: 8,
      passRate: null,
      withheld: ['passRate'],
    });
    expect(a.total).toMatchObject({
      suppressed: false,
      enrolments: 12,
      passRate: null,
      withheld: ['passRate'],
    });
    // C: nobody graded: no rate, and nothing withheld.
    expect(c.total).toMatchObject({ passRate: null, withheld: [] });
    expect(res.body.totals.total).toMatchObject({ passRate: 0.667, withheld: [] });
  });

  it('hides a whole group of fewer than 5 people, and its only sibling', async () => {
    // Course A by cohort: K has a1–a8; a9, a10, d1 and d2 are in none.
    const res = await report(platformAdmin, 'breakdown', ofX({ by: 'cohort', courseId: x.courses.A }));
    const [k, none] = res.body.groups;
    expect(none.total).toMatchObject({ suppressed: true, enrolments: null, passRate: null });
    expect(none.total.withheld).toEqual([
      'enrolments',
      'activeLearners',
      'completions',
      'passRate',
      'averageDaysToComplete',
    ]);
    expect(k.total.suppressed).toBe(true);
    expect(res.body.totals.total).toMatchObject({ suppressed: false, enrolments: 12 });
  });

  it('shows institution admins only their institutions, and hides another institution as if it did not exist', async () => {
    const mine = await report(adminX, 'summary');
    expect(mine.status).toBe(200);
    expect(mine.body.totals.enrolments).toBe(26);
    const theirs = await report(adminY, 'summary');
    expect(theirs.body.totals.enrolments).toBe(5);
    const asked = await report(adminY, 'breakdown', { by: 'course', institutionId: x.institutionId });
    expect(asked.status).toBe(404);
    expect(asked.body.detail).toBe('No such institution among those you administer.');
    // A course of X asked for by Y's admin counts nothing: Y's scope is forced.
    const course = await report(adminY, 'summary', { courseId: x.courses.A });
    expect(course.body.totals).toMatchObject({ suppressed: false, enrolments: 0 });
    const byInstitution = await report(adminY, 'breakdown', { by: 'institution' });
    expect(byInstitution.body.groups.map((g: { key: string }) => g.key)).toEqual([institutionY]);
  });

  it('rebuilds without an error when two processes ask at the same time (one waits for the other)', async () => {
    const other = await createTestApp();
    try {
      const before = (await report(platformAdmin, 'summary', ofX())).body.dataAsOf as string;
      await Promise.all([t.app.get(ReportFreshness).refresh(), other.app.get(ReportFreshness).refresh()]);
      const after = (await report(platformAdmin, 'summary', ofX())).body;
      expect(new Date(after.dataAsOf).getTime()).toBeGreaterThan(new Date(before).getTime());
      expect(after.totals.enrolments).toBe(26);
    } finally {
      await other.close();
    }
  });

  it('refuses learners and trainers', async () => {
    const trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    expect((await report(trainer, 'summary')).status).toBe(403);
    expect((await report(undefined, 'summary')).status).toBe(401);
  });

  it('exports CSV in the asked language: suppressed spelt out, formulas neutralised, the export audited', async () => {
    const res = await report(adminX, 'breakdown.csv', {
      by: 'department',
      disaggregate: 'sex',
      language: 'es',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="report-department-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = res.text.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Ministerio o departamento,Sexo,Inscripciones,Participantes activos,Finalizaciones,Tasa de aprobación (%),Tiempo medio para terminar (días)',
    );
    expect(text).toContain('oculto');
    expect(text).not.toMatch(/(^|\r\n)"?=HYPERLINK/);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""Finance"")"`);
    // The formula department's one graded learner hides its pass rate; the hidden other and not
    // stated groups cover it, so Finance's shows.
    expect(lines).toContain(`${FINANCE},Total,10,9,6,80,10`);
    expect(lines).toContain('Otros departamentos,Total,oculto,oculto,oculto,oculto,oculto');
    expect(text).not.toContain(LONE_DEPARTMENT);
    expect(lines[lines.length - 1]).toBe('Todos,Total,26,9,6,66.7,10');

    const [event] = (await db.query(
      `SELECT action, actor_email, details FROM audit_event WHERE action = 'report.exported' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [adminX.userId],
    )) as { action: string; actor_email: string; details: { by: string; disaggregate: string } }[];
    expect(event).toMatchObject({
      actor_email: adminX.email,
      details: { by: 'department', disaggregate: 'sex' },
    });
  });

  it('exports country names and the suppressed word in English by default', async () => {
    const res = await report(platformAdmin, 'breakdown.csv', ofX({ by: 'country' }));
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Country,Enrolments,Active learners,Completions,Pass rate (%),Average days to complete',
    );
    expect(lines).toContain('Dominica,suppressed,suppressed,suppressed,suppressed,suppressed');
    expect(lines).toContain('All,26,9,6,66.7,10');
  });
});

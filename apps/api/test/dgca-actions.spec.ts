import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { DataSource } from 'typeorm';
import { renderActionPlan } from '../src/dgca/actions/action-plan-pdf.js';
import type { ActionView } from '../src/dgca/actions/actions.dto.js';
import { priorityOf } from '../src/dgca/actions/priority.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The DGCA action plan (issue 9). Each test builds its own framework version and assessments
 * straight in the database, in an institution of this file's own, at the status it needs: the
 * plan, not how an assessment gets to consensus, is under test here.
 */
type Status = 'draft' | 'individual' | 'consensus' | 'completed';

const FULL = {
  dimensionKey: 'strategy',
  title: 'Adopt a national digital government strategy',
  description: 'Drafted with every ministry.\nApproved by Cabinet.',
  owner: 'Department of Public Service',
  startsOn: '2027-01-15',
  endsOn: '2027-06-30',
  resources: 'Two analysts, EC$40,000',
  indicator: 'Strategy approved',
  target: 'Approved by June 2027',
  impact: 3,
  feasibility: 2,
};

async function pdfPages(pdf: Buffer): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const content = await (await doc.getPage(number)).getTextContent();
    parts.push(content.items.map((item) => (item as TextItem).str).join(' '));
  }
  const info = (await doc.getMetadata()).info as { Title?: string };
  await doc.destroy();
  return `${info.Title ?? ''}\n${parts.join('\n')}`;
}

describe('DGCA action plan', () => {
  let t: TestApp;
  let db: DataSource;
  let institutionId = '';
  let versionId = '';
  let manager: TestSession;
  let otherAdmin: TestSession;
  let participant: TestSession;
  let outsider: TestSession;

  /** An assessment of this file's institution at the status, with the participant in it. */
  async function assessment(status: Status, title = unique('Plan assessment')): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO dgca_assessment (version_id, institution_id, subject, country, title, status, completed_at)
       VALUES ($1, $2, 'country', 'LC', $3, $4, CASE WHEN $4 = 'completed' THEN now() END) RETURNING id`,
      [versionId, institutionId, title, status],
    )) as { id: string }[];
    await db.query(`INSERT INTO dgca_participant (assessment_id, user_id) VALUES ($1, $2)`, [
      row!.id,
      participant.userId,
    ]);
    return row!.id;
  }

  const create = (id: string, body: object, as: TestSession = manager) =>
    call(t, as, 'post', `/api/studio/dgca/assessments/${id}/actions`).send(body);

  async function action(id: string, body: object = {}): Promise<{ id: string; revision: number }> {
    const res = await create(id, { ...FULL, ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; revision: number };
  }

  async function download(
    as: TestSession,
    path: string,
  ): Promise<{ status: number; body: Buffer; headers: Record<string, string> }> {
    const res = await call(t, as, 'get', path)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const mine = await createInstitutionWithAdmin(t, 'plan');
    institutionId = mine.institutionId;
    manager = await signIn(t, mine.admin.email, mine.admin.password);
    const other = await createInstitutionWithAdmin(t, 'plan-other');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
    const person = await createPerson(t, undefined, 'plan-participant');
    participant = await signIn(t, person.email, person.password);
    const stranger = await createPerson(t, undefined, 'plan-outsider');
    outsider = await signIn(t, stranger.email, stranger.password);

    const [framework] = (await db.query(`INSERT INTO dgca_framework (name) VALUES ($1) RETURNING id`, [
      unique('Plan framework'),
    ])) as { id: string }[];
    const [version] = (await db.query(
      `INSERT INTO dgca_framework_version (framework_id, number, status, published_at, scale)
       VALUES ($1, 1, 'published', now(), '[{"value":1,"label":"Low","description":""},{"value":5,"label":"High","description":""}]')
       RETURNING id`,
      [framework!.id],
    )) as { id: string }[];
    versionId = version!.id;
    await db.query(
      `INSERT INTO dgca_dimension (version_id, key, position, name)
       VALUES ($1, 'strategy', 0, 'Strategy'), ($1, 'workforce-development', 1, 'Workforce development')`,
      [versionId],
    );
  });
  afterAll(() => t.close());

  it('bands priority as impact × feasibility: high from 6, medium 3–4, low up to 2', () => {
    const bands = [1, 2, 3].flatMap((impact) =>
      [1, 2, 3].map(
        (feasibility) => `${impact}×${feasibility}=${JSON.stringify(priorityOf(impact, feasibility))}`,
      ),
    );
    expect(bands).toEqual([
      '1×1={"score":1,"band":"low"}',
      '1×2={"score":2,"band":"low"}',
      '1×3={"score":3,"band":"medium"}',
      '2×1={"score":2,"band":"low"}',
      '2×2={"score":4,"band":"medium"}',
      '2×3={"score":6,"band":"high"}',
      '3×1={"score":3,"band":"medium"}',
      '3×2={"score":6,"band":"high"}',
      '3×3={"score":9,"band":"high"}',
    ]);
  });

  it('creates an action with every field, and lists the plan by priority then start date', async () => {
    const id = await assessment('consensus');
    const res = await create(id, FULL);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...FULL,
      assessmentId: id,
      dimensionName: 'Strategy',
      priority: { score: 6, band: 'high' },
      status: 'planned',
      progress: 0,
      revision: 1,
      updates: [],
    });
    const minimal = await create(id, {
      dimensionKey: 'workforce-development',
      title: 'Train the digital team',
      impact: 1,
      feasibility: 2,
      status: 'in-progress',
      progress: 10,
    });
    expect(minimal.status).toBe(201);
    expect(minimal.body).toMatchObject({
      description: '',
      owner: '',
      startsOn: null,
      endsOn: null,
      priority: { score: 2, band: 'low' },
      status: 'in-progress',
      progress: 10,
    });
    const early = await action(id, { title: 'Earlier high priority', startsOn: '2026-12-01', endsOn: null });

    const list = await call(t, manager, 'get', `/api/studio/dgca/assessments/${id}/actions`);
    expect(list.status).toBe(200);
    expect((list.body.items as { id: string }[]).map((item) => item.id)).toEqual([
      early.id,
      res.body.id,
      minimal.body.id,
    ]);
    expect(await auditActions(t, res.body.id as string)).toEqual([
      expect.objectContaining({ action: 'dgca_action.created' }),
    ]);
  });

  it('refuses bad input naming the field: shape (400), dates out of order and unknown dimensions (422)', async () => {
    const id = await assessment('consensus');
    const shape = await create(id, { ...FULL, title: '  ', impact: 4, progress: 101, status: 'started' });
    expect(shape.status).toBe(400);
    expect((shape.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'impact',
      'progress',
      'status',
      'title',
    ]);
    const missing = await create(id, { dimensionKey: 'strategy', title: 'No levels' });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
      expect.arrayContaining(['feasibility', 'impact']),
    );

    const backwards = await create(id, { ...FULL, startsOn: '2027-06-30', endsOn: '2027-01-15' });
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({
      code: 'dates-out-of-order',
      errors: [{ field: 'endsOn', message: 'endsOn must not be before startsOn', in: 'body' }],
    });
    const unknown = await create(id, { ...FULL, dimensionKey: 'leadership' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-dimension', errors: [{ field: 'dimensionKey' }] });
    expect(unknown.body.errors[0].message).toContain('strategy, workforce-development');

    // An edit is checked against what the action becomes, not only what the request says.
    const made = await action(id);
    const early = await call(t, manager, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
      revision: made.revision,
      endsOn: '2026-12-31',
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'dates-out-of-order', errors: [{ field: 'endsOn' }] });
    const nulled = await call(t, manager, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
      revision: made.revision,
      title: null,
      impact: null,
    });
    expect(nulled.status).toBe(400);
    expect((nulled.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
      expect.arrayContaining(['impact', 'title']),
    );
    const moved = await call(t, manager, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
      revision: made.revision,
      dimensionKey: 'no-such-dimension',
    });
    expect(moved.status).toBe(422);
    expect(moved.body).toMatchObject({ code: 'unknown-dimension' });
  });

  it('opens the plan with the consensus round: 409 round-not-reached before; still open once completed', async () => {
    for (const status of ['draft', 'individual'] as const) {
      const id = await assessment(status);
      const res = await create(id, FULL);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'round-not-reached' });
      expect(Number(await countActions(id))).toBe(0);
    }
    const completed = await assessment('completed');
    expect((await create(completed, FULL)).status).toBe(201);
  });

  async function countActions(assessmentId: string): Promise<number> {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM dgca_action WHERE assessment_id = $1`, [
      assessmentId,
    ])) as { n: number }[];
    return row!.n;
  }

  it('edits with the revision read, answers 409 stale-version with the current action, and deletes likewise', async () => {
    const id = await assessment('consensus');
    const made = await action(id);
    const edited = await call(t, manager, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
      revision: 1,
      title: 'Adopt and publish the strategy',
      startsOn: null,
      feasibility: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Adopt and publish the strategy',
      startsOn: null,
      endsOn: FULL.endsOn,
      owner: FULL.owner,
      priority: { score: 3, band: 'medium' },
      revision: 2,
    });
    const stale = await call(t, manager, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
      revision: 1,
      title: 'Lost edit',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'stale-version',
      current: { id: made.id, title: 'Adopt and publish the strategy', revision: 2 },
    });
    const staleDelete = await call(t, manager, 'delete', `/api/studio/dgca/actions/${made.id}`).query({
      revision: 1,
    });
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body).toMatchObject({ code: 'stale-version' });
    const deleted = await call(t, manager, 'delete', `/api/studio/dgca/actions/${made.id}`).query({
      revision: 2,
    });
    expect(deleted.status).toBe(204);
    expect(await countActions(id)).toBe(0);
    const again = await call(t, manager, 'delete', `/api/studio/dgca/actions/${made.id}`).query({
      revision: 2,
    });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 'action-not-found' });
    expect((await auditActions(t, made.id)).map((event) => event.action)).toEqual([
      'dgca_action.created',
      'dgca_action.updated',
      'dgca_action.deleted',
    ]);
  });

  it('logs progress updates newest first; a status or progress moves the action and its revision, a comment alone does not', async () => {
    const id = await assessment('completed');
    const made = await action(id);
    const first = await call(t, manager, 'post', `/api/studio/dgca/actions/${made.id}/updates`).send({
      comment: 'Kick-off held with the ministries.',
      status: 'in-progress',
      progress: 20,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'in-progress', progress: 20, revision: 2 });
    const note = await call(t, manager, 'post', `/api/studio/dgca/actions/${made.id}/updates`).send({
      comment: 'Consultation report drafted.',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ status: 'in-progress', progress: 20, revision: 2 });
    expect(note.body.updates).toEqual([
      expect.objectContaining({ comment: 'Consultation report drafted.', status: null, progress: null }),
      expect.objectContaining({
        comment: 'Kick-off held with the ministries.',
        status: 'in-progress',
        progress: 20,
        author: { displayName: 'Test plan-admin' },
      }),
    ]);
    const empty = await call(t, manager, 'post', `/api/studio/dgca/actions/${made.id}/updates`).send({
      comment: '   ',
      progress: 150,
    });
    expect(empty.status).toBe(400);
    expect((empty.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'comment',
      'progress',
    ]);
    expect((await auditActions(t, made.id)).map((event) => event.action)).toEqual([
      'dgca_action.created',
      'dgca_action.progress_reported',
      'dgca_action.progress_reported',
    ]);
  });

  it('lets participants read the plan and report progress, but not write it; others get 404', async () => {
    const id = await assessment('consensus');
    const made = await action(id);
    const read = await call(t, participant, 'get', `/api/me/assessments/${id}/actions`);
    expect(read.status).toBe(200);
    expect(read.body.items).toEqual([expect.objectContaining({ id: made.id, title: FULL.title })]);
    const reported = await call(
      t,
      participant,
      'post',
      `/api/me/assessments/${id}/actions/${made.id}/updates`,
    ).send({ comment: 'Ministry of Finance agreed the budget.', progress: 35 });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ progress: 35, revision: 2 });
    expect(reported.body.updates[0]).toMatchObject({ author: { displayName: 'Test plan-participant' } });

    // Participants are not managers: the Studio routes refuse them by role.
    expect((await create(id, FULL, participant)).status).toBe(403);
    const edit = await call(t, participant, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
      revision: 2,
      title: 'Mine now',
    });
    expect(edit.status).toBe(403);
    expect(
      (await call(t, participant, 'delete', `/api/studio/dgca/actions/${made.id}`).query({ revision: 2 }))
        .status,
    ).toBe(403);
    expect((await call(t, participant, 'get', `/api/studio/dgca/assessments/${id}/actions`)).status).toBe(
      403,
    );

    // Someone outside the team, and the team's manager on the participant routes, get 404.
    for (const who of [outsider, manager]) {
      const hidden = await call(t, who, 'get', `/api/me/assessments/${id}/actions`);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({ code: 'assessment-not-found' });
    }
    const elsewhere = await action(await assessment('consensus'));
    const mismatched = await call(
      t,
      participant,
      'post',
      `/api/me/assessments/${id}/actions/${elsewhere.id}/updates`,
    ).send({ comment: 'Wrong plan.' });
    expect(mismatched.status).toBe(404);
    expect(mismatched.body).toMatchObject({ code: 'action-not-found' });
    const draft = await call(
      t,
      participant,
      'get',
      `/api/me/assessments/${await assessment('draft')}/actions`,
    );
    expect(draft.status).toBe(404);
    const open = await call(
      t,
      participant,
      'get',
      `/api/me/assessments/${await assessment('individual')}/actions`,
    );
    expect(open.status).toBe(200);
    expect(open.body.items).toEqual([]);
  });

  it("hides another institution's plan from its admins: 404 on every route, nothing changed", async () => {
    const id = await assessment('consensus');
    const made = await action(id);
    const asOther = [
      call(t, otherAdmin, 'get', `/api/studio/dgca/assessments/${id}/actions`),
      create(id, FULL, otherAdmin),
      call(t, otherAdmin, 'get', `/api/studio/dgca/assessments/${id}/actions.csv`),
      call(t, otherAdmin, 'get', `/api/studio/dgca/assessments/${id}/actions.pdf`),
    ];
    for (const res of await Promise.all(asOther)) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'assessment-not-found' });
    }
    const onAction = [
      call(t, otherAdmin, 'patch', `/api/studio/dgca/actions/${made.id}`).send({
        revision: 1,
        title: 'Taken',
      }),
      call(t, otherAdmin, 'delete', `/api/studio/dgca/actions/${made.id}`).query({ revision: 1 }),
      call(t, otherAdmin, 'post', `/api/studio/dgca/actions/${made.id}/updates`).send({ comment: 'Hi' }),
    ];
    for (const res of await Promise.all(onAction)) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'action-not-found' });
    }
    const [row] = (await db.query(`SELECT title, revision FROM dgca_action WHERE id = $1`, [made.id])) as {
      title: string;
      revision: number;
    }[];
    expect(row).toEqual({ title: FULL.title, revision: 1 });
  });

  it('exports the plan as CSV in the asked language: every field, quarters, latest update, formulas neutralised', async () => {
    const id = await assessment('completed');
    const made = await action(id, { title: '=HYPERLINK("http://x","Strategy")', owner: '+Cabinet Office' });
    await call(t, manager, 'post', `/api/studio/dgca/actions/${made.id}/updates`).send({
      comment: 'Consultation done.',
      status: 'in-progress',
      progress: 40,
    });
    const plain = await create(id, {
      dimensionKey: 'workforce-development',
      title: 'Digital skills for managers',
      impact: 1,
      feasibility: 1,
    });
    expect(plain.status).toBe(201);

    const res = await call(t, manager, 'get', `/api/studio/dgca/assessments/${id}/actions.csv`).query({
      language: 'es',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="action-plan-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Dimensión,Acción,Descripción,Responsable,Inicio,Fin,Trimestre de inicio,Trimestre de fin,Recursos,Indicador,Meta,Impacto (1–3),Viabilidad (1–3),Puntuación de prioridad,Prioridad,Estado,Avance (%),Última actualización,Fecha de la última actualización',
    );
    // The description's line break stays inside its quoted cell: a header and two rows.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(
        `^Strategy,"'=HYPERLINK\\(""http://x"",""Strategy""\\)","Drafted with every ministry.\nApproved by Cabinet.",'\\+Cabinet Office,2027-01-15,2027-06-30,T1 2027,T2 2027,"Two analysts, EC\\$40,000",Strategy approved,Approved by June 2027,3,2,6,Alta,En curso,40,Consultation done.,\\d{4}-\\d{2}-\\d{2}$`,
      ),
    );
    expect(lines[2]).toBe(
      'Workforce development,Digital skills for managers,,,,,,,,,,1,1,1,Baja,Prevista,0,,',
    );

    const english = await call(t, manager, 'get', `/api/studio/dgca/assessments/${id}/actions.csv`);
    expect(english.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(
      /^Dimension,Action,Description,Owner,Start,End,Start quarter/,
    );
    expect(english.text).toContain('Q1 2027,Q2 2027');

    const [event] = (await db.query(
      `SELECT details FROM audit_event WHERE action = 'dgca_actions.exported' AND target_id = $1 ORDER BY id LIMIT 1`,
      [id],
    )) as { details: Record<string, unknown> }[];
    expect(event!.details).toEqual({ format: 'csv', language: 'es', actions: 2 });
  });

  it('exports the plan as a PDF with its titles, dimensions, fields and quarters', async () => {
    const title = unique('Dominica self-assessment');
    const id = await assessment('consensus', title);
    const made = await action(id, { title: 'Publish open data standards' });
    await call(t, participant, 'post', `/api/me/assessments/${id}/actions/${made.id}/updates`).send({
      comment: 'Standards drafted.',
    });
    await action(id, { dimensionKey: 'workforce-development', title: 'Train data stewards', impact: 2 });

    const res = await download(manager, `/api/studio/dgca/assessments/${id}/actions.pdf?language=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    for (const expected of [
      `Action plan — ${title}`,
      'Action plan',
      'Country self-assessment: St. Lucia',
      '2 actions',
      'Strategy',
      'Publish open data standards',
      'Workforce development',
      'Train data stewards',
      'Priority: High (impact 3 × feasibility 2 = 6)',
      'Owner: Department of Public Service',
      'When: January 15, 2027 to June 30, 2027 (Q1 2027 to Q2 2027)',
      'Indicator: Strategy approved',
      'Standards drafted.',
      'Test plan-participant',
    ])
      expect(text).toContain(expected);
    // Dimensions follow the framework's order.
    expect(text.indexOf('Strategy')).toBeLessThan(text.indexOf('Workforce development'));

    const french = await download(manager, `/api/studio/dgca/assessments/${id}/actions.pdf?language=fr`);
    expect((await pdfText(french.body)).replace(/\s+/g, ' ')).toContain('Plan d’action');
    const bad = await call(t, manager, 'get', `/api/studio/dgca/assessments/${id}/actions.pdf`).query({
      language: 'de',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'language', in: 'query' })]);
  });

  it('flows a long plan over pages without losing an action, with diacritics intact', async () => {
    const actions: ActionView[] = Array.from({ length: 30 }, (_, i) => ({
      id: `action-${i}`,
      assessmentId: 'assessment',
      dimensionKey: i % 2 === 0 ? 'strategy' : 'workforce-development',
      dimensionName: i % 2 === 0 ? 'Stratégie' : 'Développement des compétences',
      title: `Action numéro ${i + 1}`,
      description: 'Une description assez longue pour occuper plusieurs lignes. '.repeat(6),
      owner: 'Ministère de l’Économie',
      startsOn: '2027-02-01',
      endsOn: null,
      resources: '',
      indicator: 'Taux d’adoption',
      target: '80 %',
      impact: 2,
      feasibility: 3,
      priority: priorityOf(2, 3),
      status: 'on-hold',
      progress: 5,
      revision: 1,
      updates: [],
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
    }));
    const pdf = await renderActionPlan(
      {
        title: 'Autoévaluation de la Guyane',
        subject: 'institution',
        country: 'GY',
        institutionName: 'Institut de la fonction publique',
        exportedAt: new Date('2026-11-30T10:00:00Z'),
        dimensions: [
          { key: 'strategy', name: 'Stratégie' },
          { key: 'workforce-development', name: 'Développement des compétences' },
        ],
        actions,
      },
      'fr',
    );
    expect(await pdfPages(pdf)).toBeGreaterThan(3);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (let i = 1; i <= 30; i++) expect(text).toContain(`Action numéro ${i} `);
    expect(text).toContain('Quand : à partir du 1 février 2027 (T1 2027)');
    expect(text).toContain('Statut : En pause, 5 % réalisé');
    expect(text).toContain('Autoévaluation d’une institution (Guyana)');
    expect(text).toContain('Exporté le 30 novembre 2026');
  });
});

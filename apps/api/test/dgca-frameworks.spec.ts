import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { DefaultFrameworkInstaller } from '../src/dgca/frameworks/default-framework.installer.js';
import {
  DEFAULT_FRAMEWORK_ID,
  DEFAULT_FRAMEWORK_VERSION_ID,
} from '../src/dgca/frameworks/default-framework.js';
import { FrameworkContentService } from '../src/dgca/frameworks/framework-content.service.js';
import { auditActions, createInstitutionWithAdmin, createPerson, PASSWORD } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

let t: TestApp;
let db: DataSource;
let admin: TestSession;
let institutionAdmin: TestSession;
let institutionId: string;
let learner: TestSession;
let trainer: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.get(DataSource);
  const staff = { email: `${unique('dgca-staff')}@example.org`, password: PASSWORD };
  await t.app.get(AccountsService).ensure({
    ...staff,
    displayName: 'Platform staff',
    preferredLanguage: 'en',
    isPlatformAdmin: true,
  });
  admin = await signIn(t, staff.email, staff.password);
  const other = await createInstitutionWithAdmin(t, 'dgca-frameworks');
  institutionId = other.institutionId;
  institutionAdmin = await signIn(t, other.admin.email, other.admin.password);
  const person = await createPerson(t, undefined, 'dgca-learner');
  learner = await signIn(t, person.email, person.password);
  const teacher = await createPerson(t, { institutionId, role: InstitutionRole.Trainer }, 'dgca-trainer');
  trainer = await signIn(t, teacher.email, teacher.password);
});

afterAll(async () => {
  await t.close();
});

const SCALE = [
  { value: 1, label: 'Low', description: 'Hardly at all.' },
  { value: 2, label: 'Middle', description: 'In part.' },
  { value: 3, label: 'High', description: 'Fully.' },
];

interface DimensionBody {
  key: string;
  name: string;
  description?: string;
  statements: { text: string; guidance?: string }[];
  recommendations: { courseId: string; moduleId?: string }[];
}

const dimension = (key: string, statements = ['First statement', 'Second statement']): DimensionBody => ({
  key,
  name: `Dimension ${key}`,
  statements: statements.map((text) => ({ text })),
  recommendations: [],
});

const content = (dimensions: DimensionBody[], scale: object[] = SCALE) => ({
  language: 'en',
  scale,
  dimensions,
});

async function createFramework(fields: Record<string, unknown> = {}) {
  const res = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({
    name: unique('Framework'),
    ...fields,
  });
  expect(res.status).toBe(201);
  return res.body as {
    id: string;
    name: string;
    draft: { versionId: string; revision: number; number: number };
  };
}

const getVersion = (session: TestSession, versionId: string) =>
  call(t, session, 'get', `/api/studio/dgca/framework-versions/${versionId}`);

const save = (versionId: string, revision: number, body: object, session = admin) =>
  call(t, session, 'put', `/api/studio/dgca/framework-versions/${versionId}`).send({ revision, ...body });

const publish = (versionId: string, revision: number, session = admin) =>
  call(t, session, 'post', `/api/studio/dgca/framework-versions/${versionId}/publish`).send({ revision });

/** A framework whose version 1 holds two dimensions and is published; returns ids and the view. */
async function publishedFramework() {
  const framework = await createFramework();
  const saved = await save(
    framework.draft.versionId,
    1,
    content([dimension('people'), dimension('systems', ['Only statement'])]),
  );
  expect(saved.status).toBe(200);
  const published = await publish(framework.draft.versionId, saved.body.revision as number);
  expect(published.status).toBe(200);
  return { frameworkId: framework.id, versionId: framework.draft.versionId, view: published.body };
}

/** An assessment taken on the version, written straight in SQL: this file tests frameworks only. */
async function assessmentOn(versionId: string): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO dgca_assessment (version_id, institution_id, subject, country, title)
     VALUES ($1, $2, 'country', 'LC', $3) RETURNING id`,
    [versionId, institutionId, unique('Assessment')],
  )) as { id: string }[];
  return row!.id;
}

const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

describe('default framework', () => {
  it('is installed at start, published as version 1, with 6 dimensions of 5 statements on a 1–5 scale', async () => {
    const installed = await t.app.get(FrameworkContentService).content(DEFAULT_FRAMEWORK_VERSION_ID);
    expect(installed).not.toBeNull();
    expect(installed!.frameworkId).toBe(DEFAULT_FRAMEWORK_ID);
    expect(installed!.status).toBe('published');
    expect(installed!.number).toBe(1);
    expect(installed!.dimensions.map((d) => d.key)).toEqual([
      'leadership',
      'strategy',
      'governance',
      'legal-framework',
      'technology',
      'workforce-development',
    ]);
    expect(installed!.dimensions.every((d) => d.statements.length === 5)).toBe(true);
    expect(installed!.statementCount).toBe(30);
    expect(installed!.scale.map((level) => level.value)).toEqual([1, 2, 3, 4, 5]);
    expect(installed!.scale.every((level) => level.description.length > 0)).toBe(true);
    expect([installed!.min, installed!.max]).toEqual([1, 5]);
    const latest = await t.app.get(FrameworkContentService).latestPublished(DEFAULT_FRAMEWORK_ID);
    expect(latest?.versionId).toBe(DEFAULT_FRAMEWORK_VERSION_ID);
  });

  it('says it is based on the DGCA dimensions, not UN text, and lists first for institution admins', async () => {
    const res = await call(t, institutionAdmin, 'get', '/api/studio/dgca/frameworks');
    expect(res.status).toBe(200);
    const [first] = res.body.items as { id: string; name: string; description: string; published: unknown }[];
    expect(first).toMatchObject({
      id: DEFAULT_FRAMEWORK_ID,
      name: "Digital government capability (based on the DGCA's dimensions)",
      published: { versionId: DEFAULT_FRAMEWORK_VERSION_ID, number: 1 },
    });
    expect(first!.description).toMatch(/not United Nations text/);
  });

  it('is installed once: starting again changes nothing', async () => {
    expect(await t.app.get(DefaultFrameworkInstaller).install()).toBe(false);
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM dgca_framework_version WHERE framework_id = $1`,
      [DEFAULT_FRAMEWORK_ID],
    )) as { n: number }[];
    expect(row!.n).toBeGreaterThanOrEqual(1);
    const [dimensions] = (await db.query(
      `SELECT count(*)::int AS n FROM dgca_dimension WHERE version_id = $1`,
      [DEFAULT_FRAMEWORK_VERSION_ID],
    )) as { n: number }[];
    expect(dimensions!.n).toBe(6);
  });
});

describe('creating and renaming frameworks', () => {
  it('creates an empty draft version 1, audited', async () => {
    const name = unique('Empty framework');
    const res = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({
      name: `  ${name} `,
      description: 'For a pilot',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name,
      description: 'For a pilot',
      published: null,
      draft: { number: 1, revision: 1 },
      assessments: 0,
    });
    const version = await getVersion(institutionAdmin, res.body.draft.versionId as string);
    expect(version.status).toBe(200);
    expect(version.body).toMatchObject({
      frameworkId: res.body.id,
      frameworkName: name,
      status: 'draft',
      number: 1,
      scale: [],
      dimensions: [],
      publishedAt: null,
    });
    expect((await auditActions(t, res.body.id as string)).map((e) => e.action)).toEqual([
      'dgca_framework.created',
    ]);
  });

  it('copies a version when asked, so a framework can start from the default one', async () => {
    const framework = await createFramework({ copyFromVersionId: DEFAULT_FRAMEWORK_VERSION_ID });
    const copy = await getVersion(admin, framework.draft.versionId);
    const original = await getVersion(admin, DEFAULT_FRAMEWORK_VERSION_ID);
    expect(copy.body.status).toBe('draft');
    expect(copy.body.scale).toEqual(original.body.scale);
    const texts = (view: { dimensions: { key: string; statements: { id: string; text: string }[] }[] }) =>
      view.dimensions.map((d) => [d.key, d.statements.map((s) => s.text)]);
    expect(texts(copy.body)).toEqual(texts(original.body));
    const ids = (view: { dimensions: { statements: { id: string }[] }[] }) =>
      view.dimensions.flatMap((d) => d.statements.map((s) => s.id));
    expect(ids(copy.body).some((id) => ids(original.body).includes(id))).toBe(false);
  });

  it('refuses a name already used, in any case (409 framework-name-taken)', async () => {
    const framework = await createFramework();
    const res = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({
      name: framework.name.toUpperCase(),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('framework-name-taken');
    expect(fields(res.body)).toEqual(['name']);
    const other = await createFramework();
    const renamed = await call(t, admin, 'patch', `/api/studio/dgca/frameworks/${other.id}`).send({
      name: framework.name,
    });
    expect(renamed.status).toBe(409);
    expect(renamed.body.code).toBe('framework-name-taken');
  });

  it('names the bad field: a blank name, an unknown version to copy', async () => {
    const blank = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({ name: '   ' });
    expect(blank.status).toBe(400);
    expect(fields(blank.body)).toContain('name');
    const unknown = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({
      name: unique('Copy'),
      copyFromVersionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(['copyFromVersionId']);
  });

  it('renames a framework; its published versions show the new name', async () => {
    const { frameworkId, versionId } = await publishedFramework();
    await getVersion(admin, versionId); // cached now: published versions never change
    const name = unique('Renamed');
    const res = await call(t, admin, 'patch', `/api/studio/dgca/frameworks/${frameworkId}`).send({
      name,
      description: 'New words',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: frameworkId, name, description: 'New words' });
    expect((await getVersion(admin, versionId)).body.frameworkName).toBe(name);
    expect((await auditActions(t, frameworkId)).map((e) => e.action)).toContain('dgca_framework.updated');
  });
});

describe('editing a draft', () => {
  it('replaces the content in order and bumps the revision', async () => {
    const framework = await createFramework();
    const res = await save(
      framework.draft.versionId,
      1,
      content([
        { ...dimension('legal-framework', ['Laws allow e-signatures']), description: 'Laws' },
        dimension('skills', ['Staff are trained', 'Specialists stay']),
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.scale).toEqual(SCALE);
    expect(
      (res.body.dimensions as DimensionBody[]).map((d) => [
        d.key,
        d.description,
        d.statements.map((s) => s.text),
      ]),
    ).toEqual([
      ['legal-framework', 'Laws', ['Laws allow e-signatures']],
      ['skills', '', ['Staff are trained', 'Specialists stay']],
    ]);
    const again = await save(framework.draft.versionId, 2, content([dimension('skills', ['Only one'])]));
    expect(again.status).toBe(200);
    expect((again.body.dimensions as DimensionBody[]).map((d) => d.key)).toEqual(['skills']);
    expect(again.body.dimensions[0].statements).toHaveLength(1);
  });

  it('refuses a stale revision (409 stale-version with the current one)', async () => {
    const framework = await createFramework();
    expect((await save(framework.draft.versionId, 1, content([dimension('a')]))).status).toBe(200);
    const stale = await save(framework.draft.versionId, 1, content([dimension('b')]));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', current: 2 });
    expect((await getVersion(admin, framework.draft.versionId)).body.dimensions[0].key).toBe('a');
  });

  it.each([
    ['a repeated key', content([dimension('same'), dimension('same')]), ['dimensions.1.key']],
    [
      'a key that is not lowercase words with hyphens',
      content([dimension('Legal Framework')]),
      ['dimensions.0.key'],
    ],
    ['an empty scale', content([dimension('a')], []), ['scale']],
    ['a scale of one level', content([dimension('a')], [SCALE[0]!]), ['scale']],
    [
      'a scale not ascending',
      content([dimension('a')], [SCALE[1]!, SCALE[0]!, SCALE[2]!]),
      ['scale.1.value'],
    ],
    [
      'a repeated scale value',
      content([dimension('a')], [SCALE[0]!, SCALE[0]!, SCALE[2]!]),
      ['scale.1.value'],
    ],
  ])('refuses %s with a 422 naming the field, and keeps the draft', async (_label, body, expected) => {
    const framework = await createFramework();
    const res = await save(framework.draft.versionId, 1, body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid-framework');
    expect(fields(res.body)).toEqual(expected);
    const kept = await getVersion(admin, framework.draft.versionId);
    expect(kept.body).toMatchObject({ revision: 1, dimensions: [], scale: [] });
  });

  it('refuses malformed input with a 400 naming the field', async () => {
    const framework = await createFramework();
    const res = await save(framework.draft.versionId, 1, {
      ...content([{ ...dimension('a'), statements: [{ text: '' }] }], [{ value: 1.5, label: 'x' }]),
      language: 'de',
    });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(
      expect.arrayContaining(['language', 'scale.0.value', 'dimensions.0.statements.0.text']),
    );
  });

  it('recommends courses and modules, with their titles, and refuses unknown ones (422)', async () => {
    const lc = institutionId;
    const course = await createCourse(t, admin, lc, { title: 'Data protection basics' });
    const { moduleId } = await addModule(t, admin, course.id, course.revision, 'Consent and purpose');
    const otherCourse = await createCourse(t, admin, lc);
    const { moduleId: foreignModule } = await addModule(
      t,
      admin,
      otherCourse.id,
      otherCourse.revision,
      'Other',
    );
    const framework = await createFramework();
    const recommendations = [{ courseId: course.id, moduleId }, { courseId: course.id }];
    const res = await save(
      framework.draft.versionId,
      1,
      content([{ ...dimension('legal'), recommendations }]),
    );
    expect(res.status).toBe(200);
    expect(res.body.dimensions[0].recommendations).toEqual([
      {
        courseId: course.id,
        courseSlug: course.slug,
        courseTitle: 'Data protection basics',
        moduleId,
        moduleTitle: 'Consent and purpose',
      },
      {
        courseId: course.id,
        courseSlug: course.slug,
        courseTitle: 'Data protection basics',
        moduleId: null,
        moduleTitle: null,
      },
    ]);
    const bad = await save(
      framework.draft.versionId,
      2,
      content([
        dimension('first'),
        {
          ...dimension('legal'),
          recommendations: [
            { courseId: '00000000-0000-4000-8000-000000000000' },
            { courseId: course.id, moduleId: foreignModule },
            { courseId: course.id },
            { courseId: course.id },
          ],
        },
      ]),
    );
    expect(bad.status).toBe(422);
    expect(fields(bad.body)).toEqual([
      'dimensions.1.recommendations.0.courseId',
      'dimensions.1.recommendations.1.moduleId',
      'dimensions.1.recommendations.3.courseId',
    ]);
  });

  it('deletes a draft with its revision (204), never a published version', async () => {
    const framework = await createFramework();
    const path = `/api/studio/dgca/framework-versions/${framework.draft.versionId}`;
    expect((await call(t, admin, 'delete', path).query({ revision: 7 })).body.code).toBe('stale-version');
    expect((await call(t, admin, 'delete', path).query({ revision: 'x' })).status).toBe(400);
    expect((await call(t, admin, 'delete', path).query({ revision: 1 })).status).toBe(204);
    expect((await call(t, admin, 'get', path)).body.code).toBe('framework-version-not-found');
    const summary = await call(t, admin, 'get', `/api/studio/dgca/frameworks/${framework.id}`);
    expect(summary.body).toMatchObject({ draft: null, published: null, versions: [] });
    const restarted = await call(t, admin, 'post', `/api/studio/dgca/frameworks/${framework.id}/draft`);
    expect(restarted.status).toBe(201);
    expect(restarted.body).toMatchObject({ number: 1, status: 'draft', scale: [], dimensions: [] });
    expect((await auditActions(t, framework.draft.versionId)).map((e) => e.action)).toContain(
      'dgca_framework_version.deleted',
    );

    const { versionId, view } = await publishedFramework();
    const refused = await call(t, admin, 'delete', `/api/studio/dgca/framework-versions/${versionId}`).query({
      revision: view.revision,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('version-published');
  });
});

describe('publishing and versions', () => {
  it('refuses to publish a framework without dimensions or with an empty dimension (422 framework-empty)', async () => {
    const framework = await createFramework();
    const empty = await publish(framework.draft.versionId, 1);
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('framework-empty');
    expect(fields(empty.body)).toContain('dimensions');
    const saved = await save(framework.draft.versionId, 1, content([dimension('a'), dimension('b', [])]));
    expect(saved.status).toBe(200);
    const hollow = await publish(framework.draft.versionId, 2);
    expect(hollow.status).toBe(422);
    expect(hollow.body.code).toBe('framework-empty');
    expect(fields(hollow.body)).toEqual(['dimensions.1.statements']);
    expect(await publish(framework.draft.versionId, 1).then((r) => r.body.code)).toBe('stale-version');
  });

  it('publishing freezes the version: no more edits, publishing or deleting (409 version-published)', async () => {
    const { frameworkId, versionId, view } = await publishedFramework();
    expect(view).toMatchObject({ status: 'published', number: 1 });
    expect(typeof view.publishedAt).toBe('string');
    const edit = await save(versionId, view.revision as number, content([dimension('c')]));
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('version-published');
    expect((await publish(versionId, view.revision as number)).body.code).toBe('version-published');
    const summary = await call(t, institutionAdmin, 'get', `/api/studio/dgca/frameworks/${frameworkId}`);
    expect(summary.body).toMatchObject({ published: { versionId, number: 1 }, draft: null });
    expect((await auditActions(t, versionId)).map((e) => e.action)).toEqual([
      'dgca_framework_version.updated',
      'dgca_framework_version.published',
    ]);
  });

  it('a new draft copies the latest published version; editing it never changes the version assessments use', async () => {
    const { frameworkId, versionId: v1, view: before } = await publishedFramework();
    const assessmentId = await assessmentOn(v1);
    const contentBefore = await t.app.get(FrameworkContentService).content(v1);

    const draft = await call(t, admin, 'post', `/api/studio/dgca/frameworks/${frameworkId}/draft`);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: 2, revision: 1, scale: before.scale });
    const v2 = draft.body.id as string;
    const keysAndTexts = (view: { dimensions: DimensionBody[] }) =>
      view.dimensions.map((d) => [d.key, d.statements.map((s) => s.text)]);
    expect(keysAndTexts(draft.body)).toEqual(keysAndTexts(before));

    const again = await call(t, admin, 'post', `/api/studio/dgca/frameworks/${frameworkId}/draft`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'draft-exists', versionId: v2 });

    const edited = await save(
      v2,
      1,
      content(
        [dimension('people', ['Reworded statement']), dimension('systems'), dimension('money')],
        [...SCALE, { value: 4, label: 'Leading', description: 'Others learn from it.' }],
      ),
    );
    expect(edited.status).toBe(200);
    expect((await publish(v2, edited.body.revision as number)).status).toBe(200);

    const after = await getVersion(admin, v1);
    expect(after.body).toEqual(before);
    expect(await t.app.get(FrameworkContentService).content(v1)).toEqual(contentBefore);
    const latest = await t.app.get(FrameworkContentService).latestPublished(frameworkId);
    expect(latest).toMatchObject({ versionId: v2, number: 2, max: 4, statementCount: 5 });
    const [assessment] = (await db.query(`SELECT version_id FROM dgca_assessment WHERE id = $1`, [
      assessmentId,
    ])) as { version_id: string }[];
    expect(assessment!.version_id).toBe(v1);

    const view = await call(t, institutionAdmin, 'get', `/api/studio/dgca/frameworks/${frameworkId}`);
    expect(view.body).toMatchObject({
      published: { versionId: v2, number: 2 },
      draft: null,
      assessments: 1,
      versions: [
        { versionId: v2, number: 2, status: 'published', assessments: 0 },
        { versionId: v1, number: 1, status: 'published', assessments: 1 },
      ],
    });
  });
});

describe('counts and cached content', () => {
  it("counts every institution's assessments for platform admins, only their own for institution admins", async () => {
    const { frameworkId, versionId } = await publishedFramework();
    await assessmentOn(versionId); // of the institution admin's institution
    const elsewhere = await createInstitutionWithAdmin(t, 'dgca-elsewhere');
    await db.query(
      `INSERT INTO dgca_assessment (version_id, institution_id, subject, country, title)
       VALUES ($1, $2, 'country', 'BS', $3)`,
      [versionId, elsewhere.institutionId, unique('Assessment elsewhere')],
    );
    const counts = async (session: TestSession) => {
      const view = await call(t, session, 'get', `/api/studio/dgca/frameworks/${frameworkId}`);
      const list = await call(t, session, 'get', '/api/studio/dgca/frameworks');
      const inList = (list.body.items as { id: string; assessments: number }[]).find(
        (f) => f.id === frameworkId,
      );
      return [view.body.assessments, view.body.versions[0].assessments, inList!.assessments];
    };
    expect(await counts(admin)).toEqual([2, 2, 2]);
    expect(await counts(institutionAdmin)).toEqual([1, 1, 1]);
  });

  it('hands out copies: changing returned content never changes what the next caller gets', async () => {
    const service = t.app.get(FrameworkContentService);
    const first = await service.content(DEFAULT_FRAMEWORK_VERSION_ID);
    const expected = JSON.stringify(first);
    first!.scale[0]!.label = 'Changed';
    first!.dimensions[0]!.statements.pop();
    first!.dimensions[0]!.name = 'Changed';
    expect(JSON.stringify(await service.content(DEFAULT_FRAMEWORK_VERSION_ID))).toBe(expected);
    expect(await service.content('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('who may read and write frameworks', () => {
  it('lets institution admins read, but only platform admins write (403)', async () => {
    const { frameworkId, versionId } = await publishedFramework();
    const framework = await createFramework();
    for (const session of [institutionAdmin, admin]) {
      expect((await call(t, session, 'get', `/api/studio/dgca/frameworks/${frameworkId}`)).status).toBe(200);
      expect((await getVersion(session, versionId)).status).toBe(200);
    }
    const writes = [
      call(t, institutionAdmin, 'post', '/api/studio/dgca/frameworks').send({ name: unique('Nope') }),
      call(t, institutionAdmin, 'patch', `/api/studio/dgca/frameworks/${frameworkId}`).send({
        name: unique('x'),
      }),
      call(t, institutionAdmin, 'post', `/api/studio/dgca/frameworks/${frameworkId}/draft`),
      save(framework.draft.versionId, 1, content([dimension('a')]), institutionAdmin),
      publish(framework.draft.versionId, 1, institutionAdmin),
      call(
        t,
        institutionAdmin,
        'delete',
        `/api/studio/dgca/framework-versions/${framework.draft.versionId}`,
      ).query({
        revision: 1,
      }),
    ];
    for (const res of await Promise.all(writes)) expect(res.status).toBe(403);
    expect((await getVersion(admin, framework.draft.versionId)).body.revision).toBe(1);
  });

  it('hides frameworks from trainers and learners (403) and from anonymous callers (401)', async () => {
    for (const session of [trainer, learner]) {
      expect((await call(t, session, 'get', '/api/studio/dgca/frameworks')).status).toBe(403);
      expect((await getVersion(session, DEFAULT_FRAMEWORK_VERSION_ID)).status).toBe(403);
    }
    expect((await call(t, undefined, 'get', '/api/studio/dgca/frameworks')).status).toBe(401);
  });

  it('answers 404 with a code for unknown ids and 400 for ids that are not UUIDs', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    const framework = await call(t, admin, 'get', `/api/studio/dgca/frameworks/${none}`);
    expect(framework.status).toBe(404);
    expect(framework.body.code).toBe('framework-not-found');
    const draft = await call(t, admin, 'post', `/api/studio/dgca/frameworks/${none}/draft`);
    expect(draft.body.code).toBe('framework-not-found');
    const version = await save(none, 1, content([dimension('a')]));
    expect(version.status).toBe(404);
    expect(version.body.code).toBe('framework-version-not-found');
    const malformed = await getVersion(admin, 'not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(fields(malformed.body)).toEqual(['versionId']);
  });
});

import { DataSource } from 'typeorm';
import { createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/** A published framework version of its own (2 dimensions × 2 statements, scale 1–4), made in SQL. */
export interface TestVersion {
  versionId: string;
  statementIds: string[];
}

export async function publishedVersion(t: TestApp, levels = [1, 2, 3, 4]): Promise<TestVersion> {
  const db = t.app.get(DataSource);
  const [framework] = (await db.query(`INSERT INTO dgca_framework (name) VALUES ($1) RETURNING id`, [
    unique('Test framework'),
  ])) as { id: string }[];
  const [version] = (await db.query(
    `INSERT INTO dgca_framework_version (framework_id, number, status, scale, published_at)
     VALUES ($1, 1, 'published', $2::jsonb, now()) RETURNING id`,
    [
      framework!.id,
      JSON.stringify(
        levels.map((value) => ({ value, label: `Level ${value}`, description: `Anchor ${value}` })),
      ),
    ],
  )) as { id: string }[];
  const statementIds: string[] = [];
  for (const [position, key] of ['leadership', 'technology'].entries()) {
    const [dimension] = (await db.query(
      `INSERT INTO dgca_dimension (version_id, key, position, name) VALUES ($1, $2, $3, $4) RETURNING id`,
      [version!.id, key, position, `Dimension ${key}`],
    )) as { id: string }[];
    for (const index of [0, 1]) {
      const [statement] = (await db.query(
        `INSERT INTO dgca_statement (dimension_id, position, text) VALUES ($1, $2, $3) RETURNING id`,
        [dimension!.id, index, `${key} statement ${index + 1}`],
      )) as { id: string }[];
      statementIds.push(statement!.id);
    }
  }
  return { versionId: version!.id, statementIds };
}

export interface DgcaWorld {
  institutionId: string;
  admin: TestSession;
  version: TestVersion;
}

/** An institution of its own with its admin signed in, and a published version. */
export async function dgcaWorld(t: TestApp, label: string): Promise<DgcaWorld> {
  const { institutionId, admin } = await createInstitutionWithAdmin(t, label);
  return {
    institutionId,
    admin: await signIn(t, admin.email, admin.password),
    version: await publishedVersion(t),
  };
}

export interface AssessmentBody {
  id: string;
  revision: number;
  status: string;
  [key: string]: unknown;
}

export async function createAssessment(
  t: TestApp,
  world: DgcaWorld,
  extra: Record<string, unknown> = {},
): Promise<AssessmentBody> {
  const res = await call(t, world.admin, 'post', '/api/studio/dgca/assessments').send({
    institutionId: world.institutionId,
    subject: 'country',
    country: 'LC',
    title: unique('Assessment'),
    versionId: world.version.versionId,
    ...extra,
  });
  if (res.status !== 201) throw new Error(`create assessment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AssessmentBody;
}

/** A signed-in person with an account, not a member of any institution. */
export async function signedInPerson(t: TestApp, label: string): Promise<TestSession> {
  const person = await createPerson(t, undefined, label);
  return signIn(t, person.email, person.password);
}

export async function addPeople(
  t: TestApp,
  world: DgcaWorld,
  assessmentId: string,
  emails: string[],
): Promise<{ email: string; outcome: string }[]> {
  const res = await call(
    t,
    world.admin,
    'post',
    `/api/studio/dgca/assessments/${assessmentId}/participants`,
  ).send({
    people: emails.map((email) => ({ email })),
  });
  if (res.status !== 200) throw new Error(`add participants: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.results as { email: string; outcome: string }[];
}

export async function moveTo(
  t: TestApp,
  world: DgcaWorld,
  assessmentId: string,
  to: string,
): Promise<AssessmentBody> {
  const current = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${assessmentId}`);
  const res = await call(t, world.admin, 'post', `/api/studio/dgca/assessments/${assessmentId}/status`).send({
    revision: current.body.revision,
    to,
  });
  if (res.status !== 200) throw new Error(`status → ${to}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AssessmentBody;
}

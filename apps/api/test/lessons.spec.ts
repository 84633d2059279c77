import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('course authoring: lesson content', () => {
  let t: TestApp;
  let trainer: TestSession;
  let admin: TestSession;
  let outsider: TestSession;
  let lc: string;

  beforeAll(async () => {
    ({ t, lc, trainer } = await seededApp());
    admin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    const other = await createInstitutionWithAdmin(t, 'lessons');
    const person = await createPerson(t, {
      institutionId: other.institutionId,
      role: InstitutionRole.Trainer,
    });
    outsider = await signIn(t, person.email, person.password);
  });
  afterAll(() => t.close());

  async function lesson(): Promise<string> {
    const course = await createCourse(t, trainer, lc);
    return (await addModule(t, trainer, course.id, 1, 'M', ['L'])).activityIds[0]!;
  }

  it('starts empty, saves a valid document with a new revision, audited without the document', async () => {
    const id = await lesson();
    const first = await call(t, trainer, 'get', `/api/studio/lessons/${id}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ document: { type: 'doc', content: [] }, revision: 1 });
    // What the editor page shows around the content: the lesson's title and the way back to its course.
    expect(first.body).toMatchObject({
      title: 'L',
      courseTitle: 'Test course',
      courseId: expect.any(String),
    });
    const saved = await call(t, trainer, 'put', `/api/studio/lessons/${id}`).send({
      document: doc('Hello'),
      revision: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ document: doc('Hello'), revision: 2 });
    expect((await call(t, admin, 'get', `/api/studio/lessons/${id}`)).body.document).toEqual(doc('Hello'));
    expect(await auditActions(t, id)).toEqual([
      { action: 'lesson.saved', details: expect.objectContaining({ revision: 2 }) },
    ]);
    expect(JSON.stringify(await auditActions(t, id))).not.toContain('Hello');
  });

  it('answers a stale save with 409 and the newer document, overwriting nothing', async () => {
    const id = await lesson();
    await call(t, trainer, 'put', `/api/studio/lessons/${id}`).send({ document: doc('Mine'), revision: 1 });
    const late = await call(t, admin, 'put', `/api/studio/lessons/${id}`).send({
      document: doc('Theirs'),
      revision: 1,
    });
    expect(late.status).toBe(409);
    expect(late.body.current).toMatchObject({ document: doc('Mine'), revision: 2 });
    expect((await call(t, trainer, 'get', `/api/studio/lessons/${id}`)).body).toMatchObject({
      document: doc('Mine'),
      revision: 2,
    });
  });

  it('refuses an invalid document with 422 naming the path, writing nothing', async () => {
    const id = await lesson();
    const res = await call(t, trainer, 'put', `/api/studio/lessons/${id}`).send({
      document: { type: 'doc', content: [{ type: 'script', content: [] }] },
      revision: 1,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toMatch(/^document\.content\[0\]/);
    expect((await call(t, trainer, 'get', `/api/studio/lessons/${id}`)).body.revision).toBe(1);
  });

  it('hides lessons of other institutions’ courses (404) and unknown ids', async () => {
    const id = await lesson();
    expect((await call(t, outsider, 'get', `/api/studio/lessons/${id}`)).status).toBe(404);
    const put = await call(t, outsider, 'put', `/api/studio/lessons/${id}`).send({
      document: doc('x'),
      revision: 1,
    });
    expect(put.status).toBe(404);
    expect(
      (await call(t, trainer, 'get', '/api/studio/lessons/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect(await t.app.get(DataSource).query(`SELECT 1 FROM audit_event WHERE target_id = $1`, [id])).toEqual(
      [],
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

describe('course authoring: courses', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let platformAdmin: TestSession;
  let learner: TestSession;
  let otherTrainer: TestSession;
  let otherInstitution: string;

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    platformAdmin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    otherInstitution = (await createInstitutionWithAdmin(t, 'courses')).institutionId;
    const person = await createPerson(
      t,
      { institutionId: otherInstitution, role: InstitutionRole.Trainer },
      'trainer',
    );
    otherTrainer = await signIn(t, person.email, person.password);
  });
  afterAll(() => t.close());

  const courseRow = async (id: string) =>
    (
      (await db.query(`SELECT title, revision, status FROM course WHERE id = $1`, [id])) as Record<
        string,
        unknown
      >[]
    )[0];

  it('creates a draft course with its metadata, audited', async () => {
    const slug = unique('digital-government');
    const res = await call(t, trainer, 'post', '/api/studio/courses').send({
      slug,
      title: '  Innovation and Digital Government  ',
      summary: 'For public servants.',
      language: 'en',
      institutionId: lc,
      enrolmentMode: 'invitation',
      toolkit: 'Innovation and Digital Government',
      outcomes: ['Map a service journey'],
      estimatedHours: 6.5,
      coverAlt: 'A clerk helps a citizen at a counter',
      topics: ['digital government'],
      sdgs: [16, 17],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug,
      title: 'Innovation and Digital Government',
      status: 'draft',
      revision: 1,
      institutionId: lc,
      enrolmentMode: 'invitation',
      estimatedHours: 6.5,
      sdgs: [16, 17],
      modules: [],
    });
    expect(await auditActions(t, res.body.id)).toEqual([
      expect.objectContaining({ action: 'course.created' }),
    ]);
    const got = await call(t, trainer, 'get', `/api/studio/courses/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('lists and searches the caller’s courses by title or slug, in any case', async () => {
    const word = unique('zebra').replace(/-/g, '');
    const mine = await createCourse(t, trainer, lc, { title: `The ${word.toUpperCase()} course` });
    await createCourse(t, trainer, lc, { slug: `${word}-by-slug` });
    await createCourse(t, platformAdmin, otherInstitution, { title: `Other ${word}` });
    const res = await call(t, trainer, 'get', `/api/studio/courses?query=${word}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((c: { id: string }) => c.id)).toContain(mine.id);
    const everywhere = await call(t, platformAdmin, 'get', `/api/studio/courses?query=${word}&pageSize=1`);
    expect(everywhere.body).toMatchObject({ total: 3, pageSize: 1 });
    expect(everywhere.body.items).toHaveLength(1);
    const drafts = await call(t, trainer, 'get', `/api/studio/courses?query=${word}&status=archived`);
    expect(drafts.body.total).toBe(0);
    const bad = await call(t, trainer, 'get', '/api/studio/courses?status=gone');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('scopes courses to their institution: another institution’s trainer gets 404, a learner 403, anonymous 401', async () => {
    const course = await createCourse(t, trainer, lc);
    expect((await call(t, otherTrainer, 'get', `/api/studio/courses/${course.id}`)).status).toBe(404);
    const patch = await call(t, otherTrainer, 'patch', `/api/studio/courses/${course.id}`).send({
      revision: 1,
      title: 'Taken over',
    });
    expect(patch.status).toBe(404);
    expect((await call(t, learner, 'get', `/api/studio/courses/${course.id}`)).status).toBe(403);
    expect((await call(t, undefined, 'get', `/api/studio/courses/${course.id}`)).status).toBe(401);
    expect(
      (await call(t, otherTrainer, 'get', '/api/studio/courses?pageSize=100')).body.items,
    ).not.toContainEqual(expect.objectContaining({ id: course.id }));
    expect(await courseRow(course.id)).toMatchObject({ title: 'Test course', revision: 1 });
  });

  it('creates courses only in institutions where the caller authors', async () => {
    const input = {
      slug: unique('not-mine'),
      title: 'Not mine',
      language: 'en',
      institutionId: otherInstitution,
    };
    expect((await call(t, trainer, 'post', '/api/studio/courses').send(input)).status).toBe(403);
    const missing = await call(t, platformAdmin, 'post', '/api/studio/courses').send({
      ...input,
      institutionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'institutionId' })]);
  });

  it('refuses a taken slug with 409 and bad fields with 400 naming them', async () => {
    const course = await createCourse(t, trainer, lc);
    const again = await call(t, trainer, 'post', '/api/studio/courses').send({
      slug: course.slug,
      title: 'Again',
      language: 'en',
      institutionId: lc,
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'slug' })]);
    const bad = await call(t, trainer, 'post', '/api/studio/courses').send({
      slug: 'Not A Slug',
      title: '',
      language: 'de',
      institutionId: lc,
      sdgs: [0, 18],
      estimatedHours: 0,
      enrolmentMode: 'anyone',
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'enrolmentMode',
      'estimatedHours',
      'language',
      'sdgs',
      'slug',
      'title',
    ]);
  });

  it('updates only the fields sent, bumps the revision, and audits the changes', async () => {
    const course = await createCourse(t, trainer, lc);
    const res = await call(t, trainer, 'patch', `/api/studio/courses/${course.id}`).send({
      revision: 1,
      title: 'Changing Mindsets',
      topics: ['culture'],
      estimatedHours: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Changing Mindsets',
      topics: ['culture'],
      revision: 2,
      language: 'en',
    });
    const events = await auditActions(t, course.id);
    expect(events.at(-1)).toEqual({
      action: 'course.updated',
      details: {
        changes: {
          title: { from: 'Test course', to: 'Changing Mindsets' },
          topics: { from: [], to: ['culture'] },
        },
      },
    });
  });

  it('refuses a stale revision with 409 and the current course, changing nothing', async () => {
    const course = await createCourse(t, trainer, lc);
    expect(
      (
        await call(t, trainer, 'patch', `/api/studio/courses/${course.id}`).send({
          revision: 1,
          title: 'First',
        })
      ).status,
    ).toBe(200);
    const stale = await call(t, platformAdmin, 'patch', `/api/studio/courses/${course.id}`).send({
      revision: 1,
      title: 'Second',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: course.id, title: 'First', revision: 2, modules: [] });
    expect(stale.body.errors).toEqual([expect.objectContaining({ field: 'revision' })]);
    expect(await courseRow(course.id)).toMatchObject({ title: 'First', revision: 2 });
    expect((await auditActions(t, course.id)).map((e) => e.action)).toEqual([
      'course.created',
      'course.updated',
    ]);
  });

  it('archives a course, audited, and keeps it listed under archived', async () => {
    const course = await createCourse(t, trainer, lc);
    const res = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/archive`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'archived', revision: 2 });
    expect((await call(t, trainer, 'post', `/api/studio/courses/${course.id}/archive`)).body.revision).toBe(
      2,
    );
    expect((await auditActions(t, course.id)).map((e) => e.action)).toEqual([
      'course.created',
      'course.archived',
    ]);
  });

  it('keeps an archived course read-only, lessons included, until it is restored', async () => {
    const course = await createCourse(t, trainer, lc);
    const { activityIds } = await addModule(t, trainer, course.id, course.revision, 'Module', ['Lesson']);
    const archived = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/archive`);
    const revision = archived.body.revision as number;
    const refusals = [
      await call(t, trainer, 'patch', `/api/studio/courses/${course.id}`).send({
        revision,
        title: 'Changed',
      }),
      await call(t, trainer, 'post', `/api/studio/courses/${course.id}/modules`).send({
        revision,
        title: 'More',
      }),
      await call(t, trainer, 'post', `/api/studio/courses/${course.id}/publish`).send({
        revision,
        changeLog: '',
      }),
      await call(t, trainer, 'put', `/api/studio/lessons/${activityIds[0]}`).send({
        revision: 1,
        document: { type: 'doc', content: [] },
      }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(409);
      expect(res.body.detail).toBe('The course is archived, so it cannot be changed. Restore it first.');
    }
    const lesson = await call(t, trainer, 'get', `/api/studio/lessons/${activityIds[0]}`);
    expect(lesson.body.courseArchived).toBe(true);
    await call(t, trainer, 'post', `/api/studio/courses/${course.id}/restore`);
    const renamed = await call(t, trainer, 'patch', `/api/studio/courses/${course.id}`).send({
      revision: revision + 1,
      title: 'Changed',
    });
    expect(renamed.status).toBe(200);
  });

  it('keeps bad data out at the database too', async () => {
    const course = await createCourse(t, trainer, lc);
    const refused = async (sql: string) => {
      await expect(db.query(sql, [course.id])).rejects.toMatchObject({ code: expect.stringMatching(/^23/) });
    };
    await refused(`UPDATE course SET slug = 'Upper-Case' WHERE id = $1`);
    await refused(`UPDATE course SET sdgs = '{16,18}' WHERE id = $1`);
    await refused(`UPDATE course SET sdgs = '{0}' WHERE id = $1`);
    await refused(`UPDATE course SET language = 'de' WHERE id = $1`);
    await refused(`UPDATE course SET status = 'deleted' WHERE id = $1`);
    await refused(`UPDATE course SET estimated_hours = 0 WHERE id = $1`);
    await refused(`UPDATE course SET title = ' ' WHERE id = $1`);
    await refused(`INSERT INTO course_module (course_id, position, title) VALUES ($1, -1, 'M')`);
    await db.query(`UPDATE course SET sdgs = '{1,17}' WHERE id = $1`, [course.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

const REFLECTION_ID = '6f1c2a9e-52a4-4c1e-9f53-0c7d2b1e8a10';
const lessonDocument = (text: string) => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] },
    { type: 'paragraph', content: [{ type: 'text', text: `${text}: the Saint Lucia example.` }] },
    {
      type: 'reflection',
      attrs: { id: REFLECTION_ID, prompt: 'Which service would you move online first?' },
    },
  ],
});

interface Outline {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  activities: { id: string; kind: string; title: string; required: boolean }[];
}

describe('course authoring: duplicating, archiving and restoring courses', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let institutionAdmin: TestSession;
  let platformAdmin: TestSession;
  let learner: TestSession;
  let otherTrainer: TestSession;

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    institutionAdmin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    platformAdmin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const other = await createInstitutionWithAdmin(t, 'duplicate');
    const person = await createPerson(
      t,
      { institutionId: other.institutionId, role: InstitutionRole.Trainer },
      'trainer',
    );
    otherTrainer = await signIn(t, person.email, person.password);
  });
  afterAll(() => t.close());

  /** A published course with metadata, two modules and three written lessons (one optional). */
  async function richCourse() {
    const course = await createCourse(t, trainer, lc, {
      title: 'Innovation and Digital Government',
      summary: 'For public servants of the Caribbean.',
      enrolmentMode: 'invitation',
      toolkit: 'Innovation and Digital Government',
      outcomes: ['Map a service journey', 'Plan a pilot'],
      estimatedHours: 6.5,
      coverAlt: 'A clerk helps a citizen at a counter',
      topics: ['digital government', 'services'],
      sdgs: [9, 16],
    });
    const first = await addModule(t, trainer, course.id, 1, 'Why services go digital', [
      'What changes',
      'The Saint Lucia example',
    ]);
    const second = await addModule(t, trainer, course.id, first.revision, 'Designing services', [
      'Journey maps',
    ]);
    const [firstModule] = (await call(t, trainer, 'get', `/api/studio/courses/${course.id}`)).body
      .modules as Outline[];
    let revision = second.revision;
    const described = await call(
      t,
      trainer,
      'patch',
      `/api/studio/courses/${course.id}/modules/${firstModule!.id}`,
    ).send({ revision, summary: 'Where to start.', objectives: ['Name three digital services'] });
    expect(described.status).toBe(200);
    revision = described.body.revision;
    const optional = await call(
      t,
      trainer,
      'patch',
      `/api/studio/courses/${course.id}/activities/${second.activityIds[0]}`,
    ).send({ revision, required: false });
    expect(optional.status).toBe(200);
    revision = optional.body.revision;
    const lessons = [...first.activityIds, ...second.activityIds];
    for (const [index, id] of lessons.entries()) {
      const saved = await call(t, trainer, 'put', `/api/studio/lessons/${id}`).send({
        revision: 1,
        document: lessonDocument(`Lesson ${index + 1}`),
      });
      expect(saved.status).toBe(200);
    }
    const published = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/publish`).send({
      revision,
      changeLog: 'First version',
    });
    expect(published.status).toBe(200);
    return { ...course, lessons };
  }

  const lessonIds = (modules: Outline[]) => modules.flatMap((m) => m.activities.map((a) => a.id));
  const shape = (modules: Outline[]) =>
    modules.map(({ title, summary, objectives, activities }) => ({
      title,
      summary,
      objectives,
      activities: activities.map(({ kind, title: name, required }) => ({ kind, title: name, required })),
    }));

  it('copies metadata, modules, activities and lesson documents into a new draft without versions, audited', async () => {
    const original = await richCourse();
    const before = (await call(t, trainer, 'get', `/api/studio/courses/${original.id}`)).body;

    const res = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({});
    expect(res.status).toBe(201);
    const copy = res.body;
    expect(copy).toMatchObject({
      title: 'Copy of Innovation and Digital Government',
      status: 'draft',
      revision: 1,
      institutionId: lc,
      summary: before.summary,
      language: before.language,
      enrolmentMode: 'invitation',
      toolkit: before.toolkit,
      outcomes: before.outcomes,
      estimatedHours: 6.5,
      coverAlt: before.coverAlt,
      topics: before.topics,
      sdgs: [9, 16],
    });
    expect(copy.id).not.toBe(original.id);
    expect(copy.slug).toMatch(/^copy-of-innovation-and-digital-government(-\d+)?$/);
    expect(shape(copy.modules)).toEqual(shape(before.modules));
    expect(shape(copy.modules)[0]).toMatchObject({
      summary: 'Where to start.',
      objectives: ['Name three digital services'],
    });
    const copied = lessonIds(copy.modules);
    expect(copied).toHaveLength(3);
    expect(copied.filter((id) => original.lessons.includes(id))).toEqual([]);
    expect(copy.modules.map((m: Outline) => m.id)).not.toContain(before.modules[0].id);

    for (const [index, id] of copied.entries()) {
      const lesson = await call(t, trainer, 'get', `/api/studio/lessons/${id}`);
      expect(lesson.status).toBe(200);
      // Reflection ids stay: answers are keyed by activity, and the copy's activities are new.
      expect(lesson.body).toMatchObject({ document: lessonDocument(`Lesson ${index + 1}`), revision: 1 });
    }

    const versions = await call(t, trainer, 'get', `/api/studio/courses/${copy.id}/versions`);
    expect(versions.body.items).toEqual([]);
    expect(
      (await call(t, trainer, 'get', `/api/studio/courses/${original.id}/versions`)).body.items,
    ).toHaveLength(1);
    expect(await auditActions(t, copy.id)).toEqual([
      {
        action: 'course.duplicated',
        details: {
          from: { id: original.id, slug: original.slug },
          slug: copy.slug,
          title: copy.title,
          modules: 2,
          activities: 3,
        },
      },
    ]);
    // The original is untouched, still published at the same revision.
    expect((await call(t, trainer, 'get', `/api/studio/courses/${original.id}`)).body).toEqual(before);
  });

  it('makes a copy independent of the original: changing or deleting one leaves the other alone', async () => {
    const original = await richCourse();
    const copy = (await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({}))
      .body;
    const copiedLesson = lessonIds(copy.modules)[0]!;

    const edited = await call(t, trainer, 'put', `/api/studio/lessons/${copiedLesson}`).send({
      revision: 1,
      document: lessonDocument('Rewritten for Guyana'),
    });
    expect(edited.status).toBe(200);
    const renamed = await call(t, trainer, 'patch', `/api/studio/courses/${copy.id}`).send({
      revision: copy.revision,
      title: 'Guyana edition',
      topics: ['guyana'],
    });
    expect(renamed.status).toBe(200);
    const removed = await call(
      t,
      trainer,
      'delete',
      `/api/studio/courses/${copy.id}/modules/${copy.modules[1].id}?revision=${renamed.body.revision}`,
    );
    expect(removed.status).toBe(200);

    const original1 = (await call(t, trainer, 'get', `/api/studio/lessons/${original.lessons[0]}`)).body;
    expect(original1.document).toEqual(lessonDocument('Lesson 1'));
    const originalCourse = (await call(t, trainer, 'get', `/api/studio/courses/${original.id}`)).body;
    expect(originalCourse).toMatchObject({
      title: 'Innovation and Digital Government',
      topics: ['digital government', 'services'],
    });
    expect(lessonIds(originalCourse.modules)).toEqual(original.lessons);

    // And the other way round: deleting the original keeps the copy whole.
    await db.query(`DELETE FROM course_version WHERE course_id = $1`, [original.id]);
    await db.query(`DELETE FROM course WHERE id = $1`, [original.id]);
    const still = await call(t, trainer, 'get', `/api/studio/lessons/${copiedLesson}`);
    expect(still.body.document).toEqual(lessonDocument('Rewritten for Guyana'));
  });

  it('takes the title and slug sent, finds a free slug when none is sent, and refuses a taken or bad one', async () => {
    const original = await createCourse(t, trainer, lc, { title: unique('Ministry services') });
    const slug = unique('guyana-edition');
    const named = await call(
      t,
      institutionAdmin,
      'post',
      `/api/studio/courses/${original.id}/duplicate`,
    ).send({
      title: '  Guyana edition  ',
      slug,
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ title: 'Guyana edition', slug, status: 'draft', modules: [] });

    const titled = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({
      title: 'Guyana edition',
    });
    expect(titled.status).toBe(201);
    expect(titled.body.slug).toMatch(/^guyana-edition(-\d+)?$/);
    const again = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({
      title: 'Guyana edition',
    });
    expect(again.status).toBe(201);
    expect(again.body.slug).not.toBe(titled.body.slug);
    expect(again.body.slug).toMatch(/^guyana-edition-\d+$/);

    const taken = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({
      slug,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'slug' })]);
    const bad = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({
      slug: 'Not A Slug',
      title: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['slug', 'title']);
    const count = (await db.query(
      `SELECT count(*)::int AS n FROM course WHERE title = 'Guyana edition'`,
    )) as [{ n: number }];
    expect(count[0].n).toBeGreaterThanOrEqual(3);
  });

  it('lets only the course’s authors duplicate it, into the course’s own institution', async () => {
    const original = await createCourse(t, trainer, lc);
    const path = `/api/studio/courses/${original.id}/duplicate`;
    expect((await call(t, otherTrainer, 'post', path).send({})).status).toBe(404);
    expect((await call(t, learner, 'post', path).send({})).status).toBe(403);
    expect((await call(t, undefined, 'post', path).send({})).status).toBe(401);
    const missing = await call(
      t,
      trainer,
      'post',
      '/api/studio/courses/00000000-0000-4000-8000-000000000000/duplicate',
    );
    expect(missing.status).toBe(404);
    const byAdmin = await call(t, platformAdmin, 'post', path).send({});
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.institutionId).toBe(lc);
    // The copy's authors are the original's: the other institution's trainer cannot see it either.
    expect((await call(t, otherTrainer, 'get', `/api/studio/courses/${byAdmin.body.id}`)).status).toBe(404);
    expect((await call(t, trainer, 'get', `/api/studio/courses/${byAdmin.body.id}`)).status).toBe(200);
  });

  it('duplicates an archived course, and restores an archived course to draft, audited', async () => {
    const original = await createCourse(t, trainer, lc);
    const archived = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/archive`);
    expect(archived.body.status).toBe('archived');

    const copy = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/duplicate`).send({});
    expect(copy.status).toBe(201);
    expect(copy.body.status).toBe('draft');

    const restored = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'draft', revision: 3 });
    // Restoring a course that is not archived changes nothing.
    const again = await call(t, trainer, 'post', `/api/studio/courses/${original.id}/restore`);
    expect(again.body).toMatchObject({ status: 'draft', revision: 3 });
    expect((await auditActions(t, original.id)).map((e) => e.action)).toEqual([
      'course.created',
      'course.archived',
      'course.restored',
    ]);
    expect((await call(t, otherTrainer, 'post', `/api/studio/courses/${original.id}/restore`)).status).toBe(
      404,
    );
    expect((await call(t, learner, 'post', `/api/studio/courses/${original.id}/restore`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { addModule, createCourse, writeLesson } from './course-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

describe('course publishing, versions and the public catalogue', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let learner: TestSession;
  let otherTrainer: TestSession;

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const other = (await createInstitutionWithAdmin(t, 'publishing')).institutionId;
    const person = await createPerson(t, { institutionId: other, role: InstitutionRole.Trainer }, 'trainer');
    otherTrainer = await signIn(t, person.email, person.password);
  });
  afterAll(() => t.close());

  /** A course of two modules with one written lesson each; returns its id, slug and revision. */
  const publishableCourse = async (title = 'Publishable course') => {
    const course = await createCourse(t, trainer, lc, {
      title,
      summary: 'Ready for learners.',
      topics: ['service design'],
      estimatedHours: 2,
    });
    const first = await addModule(t, trainer, course.id, course.revision, 'First module', ['Welcome']);
    const second = await addModule(t, trainer, course.id, first.revision, 'Second module', ['Next steps']);
    await writeLesson(t, trainer, first.activityIds[0]!, 'Hello.');
    await writeLesson(t, trainer, second.activityIds[0]!, 'Onwards.');
    return {
      ...course,
      revision: second.revision,
      activityIds: [...first.activityIds, ...second.activityIds],
    };
  };

  const publish = (
    session: TestSession | undefined,
    id: string,
    revision: number,
    changeLog = 'First version',
  ) => call(t, session, 'post', `/api/studio/courses/${id}/publish`).send({ revision, changeLog });

  it('publishes version 1 then 2 with change logs, frozen with each lesson’s document and HTML, audited', async () => {
    const course = await publishableCourse();
    const first = await publish(trainer, course.id, course.revision, 'First version');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'published', revision: course.revision + 1 });

    await writeLesson(t, trainer, course.activityIds[0]!, 'Hello again, <b>edited</b>.');
    const second = await publish(trainer, course.id, first.body.revision, 'Reworded the welcome');
    expect(second.status).toBe(200);

    const versions = await call(t, trainer, 'get', `/api/studio/courses/${course.id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items).toEqual([
      expect.objectContaining({ number: 2, changeLog: 'Reworded the welcome', publishedBy: 'Renée Trainer' }),
      expect.objectContaining({ number: 1, changeLog: 'First version', publishedBy: 'Renée Trainer' }),
    ]);
    const [v1, v2] = (await db.query(
      `SELECT snapshot, id FROM course_version WHERE course_id = $1 ORDER BY number`,
      [course.id],
    )) as { id: string; snapshot: { modules: { activities: { id: string }[] }[] } }[];
    const welcome = (v: typeof v1) => v!.snapshot.modules[0]!.activities[0]!;
    expect(welcome(v1).id).toBe(course.activityIds[0]);
    expect(welcome(v2).id).toBe(course.activityIds[0]);
    // The outline holds no content: each activity's frozen content is kept on its own.
    expect(welcome(v1)).not.toHaveProperty('content');
    const frozen = async (v: typeof v1) =>
      JSON.stringify(
        (
          (await db.query(
            `SELECT content FROM course_version_activity WHERE version_id = $1 AND activity_id = $2`,
            [v!.id, course.activityIds[0]],
          )) as { content: unknown }[]
        )[0]!.content,
      );
    expect(await frozen(v1)).toContain('"text":"Hello."');
    expect(await frozen(v2)).toContain('Hello again, <b>edited</b>.');
    expect((await auditActions(t, course.id)).filter((a) => a.action === 'course.published')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ version: 1 }) }),
      expect.objectContaining({ details: expect.objectContaining({ version: 2 }) }),
    ]);
  });

  it('refuses a stale revision with a 409 and creates no version', async () => {
    const course = await publishableCourse();
    const res = await publish(trainer, course.id, course.revision - 1);
    expect(res.status).toBe(409);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM course_version WHERE course_id = $1`,
      [course.id],
    );
    expect(count).toBe(0);
  });

  it('lists every problem with its path and changes nothing when the course is not publishable', async () => {
    const course = await createCourse(t, trainer, lc, { title: 'Unfinished' });
    const full = await addModule(t, trainer, course.id, course.revision, 'Has lessons', ['Written', 'Empty']);
    const empty = await addModule(t, trainer, course.id, full.revision, 'No activities');
    await writeLesson(t, trainer, full.activityIds[0]!, 'Some text.');
    // An activity whose kind is no longer registered (a kind module removed after it was created).
    await db.query(`UPDATE activity SET kind = 'retired_kind' WHERE id = $1`, [full.activityIds[1]]);
    const before = await db.query(`SELECT revision, status FROM course WHERE id = $1`, [course.id]);

    const res = await publish(trainer, course.id, empty.revision);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:archipelago:problem:not-publishable');
    expect(res.body.problems).toEqual([
      { path: 'summary', message: 'the course needs a summary' },
      { path: 'modules[0].activities[1]', message: expect.stringContaining('unknown kind') },
      { path: 'modules[1]', message: expect.stringContaining('has no activities') },
    ]);
    expect(await db.query(`SELECT revision, status FROM course WHERE id = $1`, [course.id])).toEqual(before);

    // Back to a lesson, but an empty one: that is a problem too.
    await db.query(`UPDATE activity SET kind = 'lesson' WHERE id = $1`, [full.activityIds[1]]);
    const again = await publish(trainer, course.id, empty.revision);
    expect(again.body.problems).toContainEqual({
      path: 'modules[0].activities[1]',
      message: '"Empty": the lesson is empty',
    });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM course_version WHERE course_id = $1`,
      [course.id],
    );
    expect(count).toBe(0);
  });

  it('is for the course’s authors only: 404 to another institution, 403 to learners, 401 anonymous', async () => {
    const course = await publishableCourse();
    for (const [session, status] of [
      [otherTrainer, 404],
      [learner, 403],
      [undefined, 401],
    ] as const) {
      expect((await publish(session, course.id, course.revision)).status).toBe(status);
      expect((await call(t, session, 'get', `/api/studio/courses/${course.id}/versions`)).status).toBe(
        status,
      );
      expect((await call(t, session, 'post', `/api/studio/courses/${course.id}/unpublish`)).status).toBe(
        status,
      );
    }
    expect((await db.query(`SELECT status FROM course WHERE id = $1`, [course.id]))[0].status).toBe('draft');
  });

  it('shows only published courses in the public catalogue, from their latest version', async () => {
    const marker = unique('catalogue');
    const published = await publishableCourse(`Published ${marker}`);
    const v1 = await publish(trainer, published.id, published.revision, 'v1');
    const draft = await publishableCourse(`Draft ${marker}`);
    const unpublished = await publishableCourse(`Unpublished ${marker}`);
    await publish(trainer, unpublished.id, unpublished.revision);
    const off = await call(t, trainer, 'post', `/api/studio/courses/${unpublished.id}/unpublish`);
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('draft');
    // An edit to the draft after publishing does not show until the next publish.
    const renamed = await call(t, trainer, 'patch', `/api/studio/courses/${published.id}`).send({
      revision: v1.body.revision,
      title: `Renamed ${marker}`,
    });
    expect(renamed.status).toBe(200);

    const list = await t.http.get('/api/courses').query({ query: marker });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items).toEqual([
      {
        slug: published.slug,
        title: `Published ${marker}`,
        summary: 'Ready for learners.',
        language: 'en',
        estimatedHours: 2,
        topics: ['service design'],
        coverUrl: null,
        version: 1,
      },
    ]);
    expect(draft.slug).not.toBe(published.slug);

    const page = await t.http.get(`/api/courses/${published.slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ slug: published.slug, title: `Published ${marker}`, version: 1 });
    expect(page.body.modules.map((m: { title: string }) => m.title)).toEqual([
      'First module',
      'Second module',
    ]);
    expect(page.body.modules[0].activities).toEqual([
      { id: published.activityIds[0], kind: 'lesson', title: 'Welcome', required: true },
    ]);
    expect(JSON.stringify(page.body)).not.toContain('Hello.');

    for (const hidden of [draft.slug, unpublished.slug, 'no-such-course']) {
      const res = await t.http.get(`/api/courses/${hidden}`);
      expect(res.status).toBe(404);
    }
    const unversions = await call(t, trainer, 'get', `/api/studio/courses/${unpublished.id}/versions`);
    expect(unversions.body.items).toHaveLength(1);
  });

  it('pages the catalogue and checks its query', async () => {
    const paged = await t.http.get('/api/courses').query({ pageSize: 1, page: 500 });
    expect(paged.status).toBe(200);
    expect(paged.body.items).toEqual([]);
    expect(paged.body.total).toBeGreaterThan(0);
    expect((await t.http.get('/api/courses').query({ pageSize: 1000 })).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource, type QueryRunner } from 'typeorm';
import { auditActions } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

interface OutlineBody {
  revision: number;
  modules: {
    id: string;
    title: string;
    position: number;
    activities: { id: string; title: string; position: number }[];
  }[];
}

describe('course authoring: the outline', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  const outline = async (courseId: string) =>
    (await call(t, trainer, 'get', `/api/studio/courses/${courseId}`)).body as OutlineBody;
  const titles = (body: OutlineBody) => body.modules.map((m) => [m.title, m.activities.map((a) => a.title)]);

  /** A course with modules A (a1, a2) and B (b1). */
  async function sampleCourse() {
    const course = await createCourse(t, trainer, lc);
    const a = await addModule(t, trainer, course.id, 1, 'A', ['a1', 'a2']);
    const b = await addModule(t, trainer, course.id, a.revision, 'B', ['b1']);
    return { id: course.id, a, b, revision: b.revision };
  }

  it('adds modules and lessons in order, each bumping the revision, with an empty lesson document', async () => {
    const course = await sampleCourse();
    expect(course.revision).toBe(6);
    const body = await outline(course.id);
    expect(titles(body)).toEqual([
      ['A', ['a1', 'a2']],
      ['B', ['b1']],
    ]);
    expect(body.modules[0]!.activities[1]).toEqual({
      id: course.a.activityIds[1],
      kind: 'lesson',
      title: 'a2',
      required: true,
      position: 1,
    });
    const [content] = (await db.query(
      `SELECT document, revision FROM lesson_content WHERE activity_id = $1`,
      [course.a.activityIds[0]],
    )) as { document: unknown; revision: number }[];
    expect(content).toEqual({ document: { type: 'doc', content: [] }, revision: 1 });
    expect((await auditActions(t, course.id)).map((e) => e.action)).toEqual([
      'course.created',
      'course.module_added',
      'course.activity_added',
      'course.activity_added',
      'course.module_added',
      'course.activity_added',
    ]);
  });

  it('inserts a module at a position, shifting the others', async () => {
    const course = await sampleCourse();
    const res = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/modules`).send({
      revision: course.revision,
      title: 'Intro',
      objectives: ['Know why'],
      estimatedMinutes: 30,
      position: 0,
    });
    expect(res.status).toBe(201);
    expect(
      res.body.course.modules.map((m: { title: string; position: number }) => [m.title, m.position]),
    ).toEqual([
      ['Intro', 0],
      ['A', 1],
      ['B', 2],
    ]);
    expect(res.body.course.modules[0]).toMatchObject({
      id: res.body.id,
      objectives: ['Know why'],
      estimatedMinutes: 30,
    });
  });

  it('renames modules and activities, and deletes them closing the gaps', async () => {
    const course = await sampleCourse();
    let revision = course.revision;
    const renamed = await call(
      t,
      trainer,
      'patch',
      `/api/studio/courses/${course.id}/modules/${course.a.moduleId}`,
    ).send({
      revision,
      title: 'A renamed',
    });
    expect(renamed.status).toBe(200);
    revision = renamed.body.revision;
    const activity = await call(
      t,
      trainer,
      'patch',
      `/api/studio/courses/${course.id}/activities/${course.a.activityIds[1]}`,
    ).send({ revision, required: false });
    expect(activity.body.modules[0].activities[1]).toMatchObject({ title: 'a2', required: false });
    revision = activity.body.revision;
    const deleted = await call(
      t,
      trainer,
      'delete',
      `/api/studio/courses/${course.id}/activities/${course.a.activityIds[0]}?revision=${revision}`,
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.modules[0].activities).toEqual([
      expect.objectContaining({ title: 'a2', position: 0 }),
    ]);
    revision = deleted.body.revision;
    const gone = await call(
      t,
      trainer,
      'delete',
      `/api/studio/courses/${course.id}/modules/${course.a.moduleId}?revision=${revision}`,
    );
    expect(gone.status).toBe(200);
    expect(gone.body.modules).toEqual([expect.objectContaining({ title: 'B', position: 0 })]);
    const left = (await db.query(
      `SELECT count(*)::int AS n FROM lesson_content WHERE activity_id = ANY($1)`,
      [course.a.activityIds],
    )) as { n: number }[];
    expect(left[0]!.n).toBe(0);
    const missing = await call(
      t,
      trainer,
      'patch',
      `/api/studio/courses/${course.id}/modules/${course.a.moduleId}`,
    ).send({ revision: gone.body.revision, title: 'Back' });
    expect(missing.status).toBe(404);
  });

  it('reorders the whole outline in one request, moving activities between modules', async () => {
    const course = await sampleCourse();
    const [a1, a2] = course.a.activityIds as [string, string];
    const [b1] = course.b.activityIds as [string];
    const res = await call(t, trainer, 'put', `/api/studio/courses/${course.id}/outline`).send({
      revision: course.revision,
      modules: [
        { id: course.b.moduleId, activities: [a2, b1] },
        { id: course.a.moduleId, activities: [a1] },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(course.revision + 1);
    expect(titles(res.body)).toEqual([
      ['B', ['a2', 'b1']],
      ['A', ['a1']],
    ]);
    expect(res.body.modules.map((m: { position: number }) => m.position)).toEqual([0, 1]);
    expect(titles(await outline(course.id))).toEqual(titles(res.body));
    expect((await auditActions(t, course.id)).at(-1)).toEqual({
      action: 'course.outline_reordered',
      details: { modulesMoved: 2, activitiesMoved: 2 }, // a1 stays first in A
    });
  });

  it('refuses an outline whose ids differ from the course’s with 422 naming them, changing nothing', async () => {
    const course = await sampleCourse();
    const [a1, a2] = course.a.activityIds as [string, string];
    const stranger = '00000000-0000-4000-8000-000000000000';
    const res = await call(t, trainer, 'put', `/api/studio/courses/${course.id}/outline`).send({
      revision: course.revision,
      modules: [
        { id: course.a.moduleId, activities: [a1, a1, stranger] },
        { id: stranger, activities: [] },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'modules[0].activities[1]', message: `activity ${a1} appears more than once`, in: 'body' },
      {
        field: 'modules[0].activities[2]',
        message: `activity ${stranger} is not an activity of this course`,
        in: 'body',
      },
      { field: 'modules[1].id', message: `module ${stranger} is not a module of this course`, in: 'body' },
      { field: 'modules', message: `module ${course.b.moduleId} ("B") is missing`, in: 'body' },
      { field: 'modules', message: `activity ${a2} ("a2") is missing`, in: 'body' },
      { field: 'modules', message: expect.stringMatching(/\("b1"\) is missing/), in: 'body' },
    ]);
    const after = await outline(course.id);
    expect(after.revision).toBe(course.revision);
    expect(titles(after)).toEqual([
      ['A', ['a1', 'a2']],
      ['B', ['b1']],
    ]);
  });

  it('refuses outline changes based on a stale revision with 409, changing nothing', async () => {
    const course = await sampleCourse();
    const stale = course.revision - 1;
    const reorder = await call(t, trainer, 'put', `/api/studio/courses/${course.id}/outline`).send({
      revision: stale,
      modules: [
        { id: course.b.moduleId, activities: course.b.activityIds },
        { id: course.a.moduleId, activities: course.a.activityIds },
      ],
    });
    expect(reorder.status).toBe(409);
    expect(reorder.body.current).toMatchObject({ revision: course.revision });
    const add = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/modules`).send({
      revision: stale,
      title: 'Late',
    });
    expect(add.status).toBe(409);
    const remove = await call(
      t,
      trainer,
      'delete',
      `/api/studio/courses/${course.id}/modules/${course.a.moduleId}?revision=${stale}`,
    );
    expect(remove.status).toBe(409);
    const after = await outline(course.id);
    expect(after.revision).toBe(course.revision);
    expect(titles(after)).toEqual([
      ['A', ['a1', 'a2']],
      ['B', ['b1']],
    ]);
  });

  it('refuses an unknown activity kind with 422 listing the known kinds', async () => {
    const course = await sampleCourse();
    const res = await call(
      t,
      trainer,
      'post',
      `/api/studio/courses/${course.id}/modules/${course.a.moduleId}/activities`,
    ).send({ revision: course.revision, kind: 'hologram', title: 'Future' });
    expect(res.status).toBe(422);
    expect(res.body.knownKinds).toContain('lesson');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'kind', message: expect.stringContaining('lesson') }),
    ]);
    expect((await outline(course.id)).revision).toBe(course.revision);
  });

  it('refuses a module or activity of another course with 404', async () => {
    const first = await sampleCourse();
    const second = await sampleCourse();
    const res = await call(
      t,
      trainer,
      'patch',
      `/api/studio/courses/${second.id}/activities/${first.a.activityIds[0]}`,
    ).send({ revision: second.revision, title: 'Stolen' });
    expect(res.status).toBe(404);
    const add = await call(
      t,
      trainer,
      'post',
      `/api/studio/courses/${second.id}/modules/${first.a.moduleId}/activities`,
    ).send({ revision: second.revision, kind: 'lesson', title: 'Stray' });
    expect(add.status).toBe(404);
  });

  it('reads a 15 × 10 outline in the same number of queries as a 1 × 1 one', async () => {
    const small = await createCourse(t, trainer, lc);
    await addModule(t, trainer, small.id, 1, 'Only', ['only']);
    const large = await createCourse(t, trainer, lc);
    // Built directly in SQL: 165 requests would only slow the test down.
    await db.query(
      `WITH m AS (
         INSERT INTO course_module (course_id, position, title)
         SELECT $1, p, 'Module ' || p FROM generate_series(0, 14) AS p RETURNING id)
       INSERT INTO activity (module_id, position, kind, title)
       SELECT m.id, p, 'lesson', 'Lesson ' || p FROM m, generate_series(0, 9) AS p`,
      [large.id],
    );
    const runner = Object.getPrototypeOf(db.createQueryRunner()) as QueryRunner;
    const spy = jest.spyOn(runner, 'query');
    const countQueries = async (courseId: string) => {
      spy.mockClear();
      const res = await call(t, trainer, 'get', `/api/studio/courses/${courseId}`);
      expect(res.status).toBe(200);
      // The job queues' pollers and the report refresher query on their own timers in this same
      // process: only the request's statements count.
      const statements = spy.mock.calls
        .map(([sql]) => String(sql))
        .filter((sql) => !/enrolment_import|certificate_batch|report_fact|report_refresh/.test(sql));
      return {
        total: statements.length,
        outline: statements.filter((sql) => /course_module|activity/.test(sql)).length,
        body: res.body as OutlineBody,
      };
    };
    try {
      const one = await countQueries(small.id);
      const many = await countQueries(large.id);
      expect(many.body.modules).toHaveLength(15);
      expect(many.body.modules.every((m) => m.activities.length === 10)).toBe(true);
      expect(many.total).toBe(one.total);
      expect(many.outline).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { createPerson } from './admin-fixtures.js';
import { addModule, publish, publishedCourse, writeLesson } from './course-fixtures.js';
import { call, signIn, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

const REFLECTION = randomUUID();
const reflectionBlock = {
  type: 'reflection',
  attrs: { id: REFLECTION, prompt: 'What would you change first?' },
};

describe('learning: enrolment, reading, progress, completion and versions', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;

  const newLearner = async () => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'reader');
    return signIn(t, person.email, person.password);
  };
  const at = (offsetSeconds = 0) => new Date(Date.now() + offsetSeconds * 1000).toISOString();

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  describe('enrolment', () => {
    it('enrols a learner in an open course once, on the latest version', async () => {
      const course = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 1 });
      const learner = await newLearner();
      const before = await call(t, learner, 'get', `/api/courses/${course.slug}/enrolment`);
      expect(before.body).toEqual({ status: 'none', enrolmentMode: 'open', version: null, enrolledAt: null });

      const first = await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'enrolled', version: 1 });
      const again = await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
      expect(again.status).toBe(200);
      expect(again.body.enrolledAt).toBe(first.body.enrolledAt);
      const [{ count }] = (await db.query(
        `SELECT count(*)::int AS count FROM enrolment WHERE course_id = $1`,
        [course.id],
      )) as [{ count: number }];
      expect(count).toBe(1);
    });

    it('answers 404 for a course that is not published, and 401 to anonymous callers', async () => {
      const learner = await newLearner();
      const res = await call(t, learner, 'post', `/api/courses/no-such-course/enrolment`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await call(t, undefined, 'post', `/api/courses/no-such-course/enrolment`)).status).toBe(401);
    });

    it('turns learners of a course by invitation to ask, and lets its trainers approve or decline', async () => {
      const course = await publishedCourse(t, trainer, lc, {
        modules: 1,
        lessons: 1,
        fields: { enrolmentMode: 'invitation' },
      });
      const learner = await newLearner();
      const refused = await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        type: 'urn:archipelago:problem:enrolment-closed',
        enrolmentMode: 'invitation',
      });

      const asked = await call(t, learner, 'post', `/api/courses/${course.slug}/access-requests`).send({
        message: 'I lead the service desk reform.',
      });
      expect(asked.status).toBe(200);
      expect(asked.body.status).toBe('requested');
      // Asking twice keeps one request.
      await call(t, learner, 'post', `/api/courses/${course.slug}/access-requests`).send({});
      const pending = await call(t, trainer, 'get', `/api/studio/courses/${course.id}/access-requests`);
      expect(pending.body.items).toEqual([
        expect.objectContaining({
          email: learner.email,
          message: 'I lead the service desk reform.',
          status: 'pending',
        }),
      ]);

      const outsider = await newLearner();
      const forbidden = await call(
        t,
        outsider,
        'post',
        `/api/studio/courses/${course.id}/access-requests/${pending.body.items[0].id}/approve`,
      );
      expect(forbidden.status).toBe(403);

      const approved = await call(
        t,
        trainer,
        'post',
        `/api/studio/courses/${course.id}/access-requests/${pending.body.items[0].id}/approve`,
      );
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      expect((await call(t, learner, 'get', `/api/courses/${course.slug}/enrolment`)).body.status).toBe(
        'enrolled',
      );
      const twice = await call(
        t,
        trainer,
        'post',
        `/api/studio/courses/${course.id}/access-requests/${pending.body.items[0].id}/decline`,
      );
      expect(twice.status).toBe(409);

      const other = await newLearner();
      await call(t, other, 'post', `/api/courses/${course.slug}/access-requests`).send({});
      const [request] = (await call(t, trainer, 'get', `/api/studio/courses/${course.id}/access-requests`))
        .body.items;
      await call(
        t,
        trainer,
        'post',
        `/api/studio/courses/${course.id}/access-requests/${request.id}/decline`,
      );
      expect((await call(t, other, 'get', `/api/courses/${course.slug}/enrolment`)).body.status).toBe(
        'declined',
      );
      expect((await call(t, other, 'get', `/api/me/learning/${course.slug}`)).status).toBe(404);
    });

    it('keeps learners out of cohort-only courses', async () => {
      const course = await publishedCourse(t, trainer, lc, {
        modules: 1,
        lessons: 1,
        fields: { enrolmentMode: 'cohort' },
      });
      const learner = await newLearner();
      for (const path of ['enrolment', 'access-requests']) {
        const res = await call(t, learner, 'post', `/api/courses/${course.slug}/${path}`).send({});
        expect(res.status).toBe(403);
        expect(res.body.enrolmentMode).toBe('cohort');
      }
    });
  });

  describe('reading and progress', () => {
    let course: Awaited<ReturnType<typeof publishedCourse>>;
    let learner: TestSession;
    const progress = (activityId: string, body: object, who = learner) =>
      call(t, who, 'put', `/api/me/learning/${course.slug}/activities/${activityId}/progress`).send(body);

    beforeAll(async () => {
      course = await publishedCourse(t, trainer, lc, { modules: 2, lessons: 2, extra: [reflectionBlock] });
      learner = await newLearner();
      await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
    });

    it('gives the outline of the learner’s version with nothing started, and continue at the start', async () => {
      const res = await call(t, learner, 'get', `/api/me/learning/${course.slug}`);
      expect(res.status).toBe(200);
      expect(res.body.progress).toEqual({ completed: 0, required: 4, percent: 0 });
      expect(res.body.resume.activityId).toBe(course.activityIds[0]);
      expect(
        res.body.modules.map((m: { activities: { status: string }[] }) => m.activities.map((a) => a.status)),
      ).toEqual([
        ['not-started', 'not-started'],
        ['not-started', 'not-started'],
      ]);
    });

    it('serves an activity with its neighbours, rendered in the language asked for', async () => {
      const [first, second] = course.activityIds;
      const res = await call(
        t,
        learner,
        'get',
        `/api/me/learning/${course.slug}/activities/${first}?lang=fr`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: first,
        kind: 'lesson',
        title: 'Lesson 1.1',
        previous: null,
        next: { id: second, title: 'Lesson 1.2' },
        module: { title: 'Module 1' },
        course: { slug: course.slug, version: 1 },
        progress: { status: 'not-started', position: null, completedAt: null },
      });
      expect(res.body.content.html).toContain('Text of lesson 1.1.');
      expect(res.body.content.html).toContain('Réflexion');
      expect(res.body.content.html).toContain(`data-reflection-id="${REFLECTION}"`);
      const english = await call(
        t,
        learner,
        'get',
        `/api/me/learning/${course.slug}/activities/${first}?lang=en`,
      );
      expect(english.body.content.html).toContain('Reflection');
      const bad = await call(
        t,
        learner,
        'get',
        `/api/me/learning/${course.slug}/activities/${first}?lang=xx`,
      );
      expect(bad.status).toBe(400);
    });

    it('records the position idempotently and ignores a late retry', async () => {
      const [first] = course.activityIds;
      const later = { at: at(10), position: { anchor: 'l-section-2', fraction: 0.5 } };
      const earlier = { at: at(5), position: { anchor: 'l-section-1', fraction: 0.2 } };
      expect((await progress(first!, later)).status).toBe(200);
      expect((await progress(first!, later)).body.activity).toEqual({
        status: 'started',
        position: { anchor: 'l-section-2', fraction: 0.5 },
        completedAt: null,
      });
      const late = await progress(first!, earlier);
      expect(late.body.activity.position).toEqual({ anchor: 'l-section-2', fraction: 0.5 });
    });

    it('resumes on another device where the learner stopped', async () => {
      const [, second] = course.activityIds;
      await progress(second!, { at: at(20), position: { anchor: null, fraction: 0.3 } });
      const elsewhere = await signIn(t, learner.email, learner.password);
      const mine = await call(t, elsewhere, 'get', '/api/me/learning');
      const entry = mine.body.items.find((item: { slug: string }) => item.slug === course.slug);
      expect(entry.resume).toEqual({ activityId: second, title: 'Lesson 1.2' });
      const activity = await call(
        t,
        elsewhere,
        'get',
        `/api/me/learning/${course.slug}/activities/${second}`,
      );
      expect(activity.body.progress.position).toEqual({ anchor: null, fraction: 0.3 });
    });

    it('refuses bad progress and activities outside the version', async () => {
      const [first] = course.activityIds;
      const bad = await progress(first!, { at: 'yesterday', position: { fraction: 2 } });
      expect(bad.status).toBe(400);
      const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['at', 'position.fraction']));
      expect((await progress(randomUUID(), { at: at() })).status).toBe(404);
      const stranger = await newLearner();
      expect((await progress(first!, { at: at() }, stranger)).status).toBe(404);
    });

    it('gives each of many writes at once its own answer, the same as one after another', async () => {
      const [first, second] = course.activityIds;
      const readers = await Promise.all([newLearner(), newLearner(), newLearner()]);
      await Promise.all(readers.map((r) => call(t, r, 'post', `/api/courses/${course.slug}/enrolment`)));
      const stranger = await newLearner();
      // Writes that arrive together share one statement: the same activity twice for one reader
      // (never in one batch), several readers, one not enrolled and one activity not in the course.
      const [positioned, completed, other, secondReader, notEnrolled, notInCourse] = await Promise.all([
        progress(first!, { at: at(50), position: { anchor: 'a', fraction: 0.2 } }, readers[0]),
        progress(first!, { at: at(51), completed: true }, readers[0]),
        progress(second!, { at: at(52), position: { fraction: 0.9 } }, readers[0]),
        progress(first!, { at: at(50), completed: true }, readers[1]),
        progress(first!, { at: at(50) }, stranger),
        progress(randomUUID(), { at: at(50) }, readers[2]),
      ]);
      expect(positioned.body.activity).toMatchObject({ position: { anchor: 'a', fraction: 0.2 } });
      expect(completed.body.activity.status).toBe('completed');
      expect(other.body.activity).toMatchObject({
        status: 'started',
        position: { anchor: null, fraction: 0.9 },
      });
      expect(secondReader.body.activity.status).toBe('completed');
      expect(secondReader.body.course).toEqual({ completed: 1, required: 4, percent: 25 });
      expect([notEnrolled.status, notInCourse.status]).toEqual([404, 404]);
      const both = await call(t, readers[0], 'get', `/api/me/learning/${course.slug}/activities/${first}`);
      expect(both.body.progress).toMatchObject({
        status: 'completed',
        position: { anchor: 'a', fraction: 0.2 },
      });
      const outline = await call(t, readers[0], 'get', `/api/me/learning/${course.slug}`);
      expect(outline.body.resume.activityId).toBe(second);
      expect(outline.body.progress).toEqual({ completed: 1, required: 4, percent: 25 });
    });

    it('saves reflection answers as typed, newest first, privately', async () => {
      const [first] = course.activityIds;
      const path = `/api/me/learning/${course.slug}/activities/${first}/reflections/${REFLECTION}`;
      const newer = await call(t, learner, 'put', path).send({
        answer: 'Start with the queue at the desk.',
        at: at(30),
      });
      expect(newer.status).toBe(200);
      await call(t, learner, 'put', path).send({ answer: 'Start with', at: at(25) });
      const activity = await call(t, learner, 'get', `/api/me/learning/${course.slug}/activities/${first}`);
      expect(activity.body.reflections).toEqual([
        expect.objectContaining({ id: REFLECTION, answer: 'Start with the queue at the desk.' }),
      ]);
      const unknown = await call(t, learner, 'put', path.replace(REFLECTION, randomUUID())).send({
        answer: 'x',
        at: at(),
      });
      expect(unknown.status).toBe(404);
      const other = await newLearner();
      await call(t, other, 'post', `/api/courses/${course.slug}/enrolment`);
      const theirs = await call(t, other, 'get', `/api/me/learning/${course.slug}/activities/${first}`);
      expect(theirs.body.reflections).toEqual([]);
    });

    it('completes the course once, when the last required activity is done, and records the event', async () => {
      const ids = course.activityIds;
      for (const [i, id] of ids.slice(0, 3).entries()) {
        const res = await progress(id, { at: at(40), completed: true });
        expect(res.body.courseCompletedAt).toBeNull();
        expect(res.body.course).toEqual({
          completed: i + 1,
          required: 4,
          percent: Math.floor(((i + 1) * 100) / 4),
        });
      }
      const last = await progress(ids[3]!, { at: at(41), completed: true });
      expect(last.body.course).toEqual({ completed: 4, required: 4, percent: 100 });
      expect(last.body.courseCompletedAt).not.toBeNull();
      // Completion is never undone, and a retry does not complete the course again.
      const retry = await progress(ids[3]!, { at: at(42), completed: false, position: { fraction: 0.1 } });
      expect(retry.body.activity.status).toBe('completed');
      expect(retry.body.course).toBeNull(); // nothing changed the course's progress
      expect(retry.body.courseCompletedAt).toBe(last.body.courseCompletedAt);
      const events = (await db.query(
        `SELECT type, payload FROM domain_event WHERE payload ->> 'courseId' = $1`,
        [course.id],
      )) as { type: string; payload: { userId: string } }[];
      expect(events).toEqual([
        { type: 'course.completed', payload: expect.objectContaining({ userId: learner.userId }) },
      ]);
      const outline = await call(t, learner, 'get', `/api/me/learning/${course.slug}`);
      expect(outline.body.completedAt).toBe(last.body.courseCompletedAt);
    });

    it('completes exactly once when the last two activities finish at the same time', async () => {
      const racer = await newLearner();
      await call(t, racer, 'post', `/api/courses/${course.slug}/enrolment`);
      const ids = course.activityIds;
      for (const id of ids.slice(0, 2)) await progress(id, { at: at(), completed: true }, racer);
      const results = await Promise.all(
        ids.slice(2).map((id) => progress(id, { at: at(), completed: true }, racer)),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const [{ count }] = (await db.query(
        `SELECT count(*)::int AS count FROM domain_event WHERE type = 'course.completed' AND payload ->> 'userId' = $1`,
        [racer.userId],
      )) as [{ count: number }];
      expect(count).toBe(1);
    });
  });

  it('reads the outline with progress in the same few queries for 15 × 10 activities as for 1 × 1', async () => {
    const learner = await newLearner();
    const small = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 1 });
    const large = await publishedCourse(t, trainer, lc, { modules: 15, lessons: 10 });
    for (const c of [small, large]) {
      await call(t, learner, 'post', `/api/courses/${c.slug}/enrolment`);
      for (const id of c.activityIds.slice(0, 20)) {
        await call(t, learner, 'put', `/api/me/learning/${c.slug}/activities/${id}/progress`).send({
          at: at(),
          completed: true,
        });
      }
    }
    const learningQueries = async (slug: string) => {
      const seen: string[] = [];
      const { Client } = await import('pg');
      const original = Client.prototype.query;
      Client.prototype.query = function (this: unknown, ...args: unknown[]) {
        const first = args[0];
        const text = typeof first === 'string' ? first : ((first as { text?: string }).text ?? '');
        if (/enrolment|course_version|activity_progress/.test(text)) seen.push(text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        const res = await call(t, learner, 'get', `/api/me/learning/${slug}`);
        expect(res.status).toBe(200);
        return { seen, body: res.body as { modules: unknown[]; progress: { completed: number } } };
      } finally {
        Client.prototype.query = original;
      }
    };
    // The first read of a version also reads its outline; after that it is kept in memory.
    const cold = await learningQueries(large.slug);
    expect(cold.seen.length).toBeLessThanOrEqual(2);
    const warmSmall = await learningQueries(small.slug);
    const warmLarge = await learningQueries(large.slug);
    expect(warmLarge.body.modules).toHaveLength(15);
    expect(warmLarge.body.progress.completed).toBe(20);
    expect(warmLarge.seen.length).toBe(warmSmall.seen.length);
    expect(warmLarge.seen.length).toBe(1);
  });

  it('lets enrolled learners go on reading a course that was unpublished, then archived', async () => {
    const course = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 1 });
    const learner = await newLearner();
    await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
    await call(t, trainer, 'post', `/api/studio/courses/${course.id}/unpublish`);
    const newcomer = await newLearner();
    expect((await call(t, newcomer, 'post', `/api/courses/${course.slug}/enrolment`)).status).toBe(404);
    await call(t, trainer, 'post', `/api/studio/courses/${course.id}/archive`);
    expect((await call(t, learner, 'get', `/api/courses/${course.slug}/enrolment`)).body.status).toBe(
      'enrolled',
    );
    const read = await call(
      t,
      learner,
      'get',
      `/api/me/learning/${course.slug}/activities/${course.activityIds[0]}`,
    );
    expect(read.status).toBe(200);
    const done = await call(
      t,
      learner,
      'put',
      `/api/me/learning/${course.slug}/activities/${course.activityIds[0]}/progress`,
    ).send({ at: at(), completed: true });
    expect(done.body.courseCompletedAt).not.toBeNull();
  });

  it('keeps learners on their version until a trainer moves them, carrying progress by activity', async () => {
    const course = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 2 });
    const learner = await newLearner();
    await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
    const [kept, removed] = course.activityIds;
    for (const id of [kept!, removed!]) {
      await call(t, learner, 'put', `/api/me/learning/${course.slug}/activities/${id}/progress`).send({
        at: at(),
        completed: true,
      });
    }
    expect(
      (await call(t, learner, 'get', `/api/me/learning/${course.slug}`)).body.completedAt,
    ).not.toBeNull();

    // Version 2 drops the second lesson and adds a module with a new one.
    const detail = await call(t, trainer, 'get', `/api/studio/courses/${course.id}`);
    const deleted = await call(
      t,
      trainer,
      'delete',
      `/api/studio/courses/${course.id}/activities/${removed}`,
    ).query({
      revision: detail.body.revision,
    });
    expect(deleted.status).toBe(200);
    const added = await addModule(t, trainer, course.id, deleted.body.revision, 'New module', ['New lesson']);
    await writeLesson(t, trainer, added.activityIds[0]!, 'Something new.');
    await publish(t, trainer, course.id, 'A new module');

    const stayed = await call(t, learner, 'get', `/api/me/learning/${course.slug}`);
    expect(stayed.body.version).toBe(1);
    expect(stayed.body.modules).toHaveLength(1);

    const learners = await call(t, trainer, 'get', `/api/studio/courses/${course.id}/learners`);
    expect(learners.body).toMatchObject({ total: 1, latestVersion: 2 });
    expect(learners.body.items[0]).toMatchObject({
      email: learner.email,
      version: 1,
      progress: { percent: 100 },
    });

    const noSuch = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/learners/move`).send({
      version: 9,
    });
    expect(noSuch.status).toBe(422);
    const moved = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/learners/move`).send({
      version: 2,
    });
    expect(moved.body).toEqual({ moved: 1, completed: 0 });

    const now = await call(t, learner, 'get', `/api/me/learning/${course.slug}`);
    expect(now.body.version).toBe(2);
    expect(now.body.progress).toEqual({ completed: 1, required: 2, percent: 50 });
    expect(now.body.completedAt).not.toBeNull();
    expect(now.body.resume.activityId).toBe(added.activityIds[0]);
    const gone = await call(t, learner, 'get', `/api/me/learning/${course.slug}/activities/${removed}`);
    expect(gone.status).toBe(404);
  });
});

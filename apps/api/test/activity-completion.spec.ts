import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { ActivityCompletion } from '../src/learning/activity-completion.service.js';
import { createPerson } from './admin-fixtures.js';
import { publishedCourse } from './course-fixtures.js';
import { call, signIn, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

describe('ActivityCompletion: activities completed for many enrolments at once', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;

  /** A new learner enrolled in the course; answers the enrolment's id. */
  const enrolled = async (slug: string) => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'completer');
    const learner = await signIn(t, person.email, person.password);
    expect((await call(t, learner, 'post', `/api/courses/${slug}/enrolment`)).status).toBe(201);
    const [row] = (await db.query(
      `SELECT e.id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.user_id = $1 AND c.slug = $2`,
      [learner.userId, slug],
    )) as { id: string }[];
    return { learner, enrolmentId: row!.id };
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  it('completes each activity once and each course once, in one call over several versions', async () => {
    const two = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 2 });
    const one = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 1 });
    const [first, second] = two.activityIds as [string, string];
    const [only] = one.activityIds as [string];
    const finisher = await enrolled(two.slug);
    const starter = await enrolled(two.slug);
    const other = await enrolled(one.slug);
    // The finisher did the first lesson already: the second completes the course.
    await call(t, finisher.learner, 'put', `/api/me/learning/${two.slug}/activities/${first}/progress`).send({
      completed: true,
      at: new Date().toISOString(),
    });

    const at = new Date();
    const completion = t.app.get(ActivityCompletion);
    const results = await db.transaction((tx) =>
      completion.completeActivities(tx, [
        { enrolmentId: finisher.enrolmentId, activityId: second, at },
        { enrolmentId: starter.enrolmentId, activityId: first, at },
        { enrolmentId: starter.enrolmentId, activityId: first, at }, // the same twice
        { enrolmentId: other.enrolmentId, activityId: only, at },
        { enrolmentId: finisher.enrolmentId, activityId: first, at }, // completed before
        { enrolmentId: randomUUID(), activityId: first, at }, // no such enrolment
      ]),
    );

    expect(results.map((r) => ({ newly: r.newlyCompleted, events: r.events.length }))).toEqual([
      { newly: true, events: 1 },
      { newly: true, events: 0 },
      { newly: false, events: 0 },
      { newly: true, events: 1 },
      { newly: false, events: 0 },
      { newly: false, events: 0 },
    ]);
    expect(results[0]!.courseCompletedAt).toBeInstanceOf(Date);
    // The finisher's course completed in this call: its other item knows it, without the event.
    expect(results[4]!.courseCompletedAt).toEqual(results[0]!.courseCompletedAt);
    expect(results[1]!.courseCompletedAt).toBeNull();
    expect(results[5]!.courseCompletedAt).toBeNull();
    expect(results[0]!.events[0]!.payload).toMatchObject({
      enrolmentId: finisher.enrolmentId,
      userId: finisher.learner.userId,
      courseId: two.id,
    });
    expect(results[3]!.events[0]!.payload).toMatchObject({
      enrolmentId: other.enrolmentId,
      courseId: one.id,
    });

    const progress = (await db.query(
      `SELECT enrolment_id AS "enrolmentId", activity_id AS "activityId", status FROM activity_progress
        WHERE enrolment_id = ANY($1) ORDER BY enrolment_id, activity_id`,
      [[finisher.enrolmentId, starter.enrolmentId, other.enrolmentId]],
    )) as { enrolmentId: string; activityId: string; status: string }[];
    expect(progress).toHaveLength(4);
    expect(progress.every((p) => p.status === 'completed')).toBe(true);
    const events = (await db.query(
      `SELECT subject_id AS "subjectId" FROM domain_event WHERE type = 'course.completed' AND subject_id = ANY($1)`,
      [[finisher.enrolmentId, starter.enrolmentId, other.enrolmentId]],
    )) as { subjectId: string }[];
    expect(events.map((e) => e.subjectId).sort()).toEqual([finisher.enrolmentId, other.enrolmentId].sort());

    // Again: nothing new, no second event, and the course stays completed when it was.
    const again = await db.transaction((tx) =>
      completion.completeActivities(tx, [
        { enrolmentId: finisher.enrolmentId, activityId: second, at: new Date() },
        { enrolmentId: starter.enrolmentId, activityId: first, at: new Date() },
      ]),
    );
    expect(again).toEqual([
      { newlyCompleted: false, courseCompletedAt: results[0]!.courseCompletedAt, events: [] },
      { newlyCompleted: false, courseCompletedAt: null, events: [] },
    ]);
    const outline = await call(t, finisher.learner, 'get', `/api/me/learning/${two.slug}`);
    expect(new Date(outline.body.completedAt as string)).toEqual(results[0]!.courseCompletedAt);
  });

  it('answers nothing for nothing, without a statement', async () => {
    const completion = t.app.get(ActivityCompletion);
    await expect(db.transaction((tx) => completion.completeActivities(tx, []))).resolves.toEqual([]);
  });
});

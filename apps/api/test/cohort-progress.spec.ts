import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { CertificateStatusSummaries } from '../src/certificates/issuing/certificate-status-summaries.service.js';
import { ProgressSummaries } from '../src/learning/progress-summaries.service.js';
import { QuizResultSummaries } from '../src/quizzes/attempts/quiz-result-summaries.service.js';
import { ScormStatusSummaries } from '../src/scorm/runtime/scorm-status-summaries.service.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { publishedCourse } from './course-fixtures.js';
import { keyOfSlot, quizCourse, RIGHT, type QuizCourse } from './quiz-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

interface CourseRow {
  courseId: string;
  enrolled: boolean;
  progressPercent: number;
  completedAt: string | null;
  quiz: { attempted: boolean; bestScorePercent: number | null; passed: boolean } | null;
  scorm: { status: string } | null;
  certificate: { status: string; code: string | null } | null;
}
interface Learner {
  userId: string;
  displayName: string;
  email: string;
  status: string;
  behind: boolean;
  behindReason: string | null;
  progressPercent: number;
  lastActivityAt: string | null;
  courses: CourseRow[];
}

/**
 * A cohort of two courses (two one-lesson modules; a one-question quiz) and four learners: one who
 * has not started, one halfway, one who completed everything, and one who opened a lesson but
 * missed the first module's deadline (yesterday), whose name is formula-like and so sorts first.
 */
describe('cohort progress: dashboard, CSV export and reminders', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let admin: TestSession;
  let lessons: Awaited<ReturnType<typeof publishedCourse>>;
  let quiz: QuizCourse;
  let cohortId = '';
  const people: Record<'idle' | 'halfway' | 'done' | 'late', TestSession & { name: string }> = {} as never;

  const learnerSession = async (name: string, language: string) => {
    const person = await createPerson(
      t,
      { institutionId: lc, role: InstitutionRole.Learner },
      'cohort-learner',
    );
    await db.query(`UPDATE user_account SET display_name = $2, preferred_language = $3 WHERE id = $1`, [
      person.id,
      name,
      language,
    ]);
    return { ...(await signIn(t, person.email, person.password)), name };
  };
  const complete = async (learner: TestSession, slug: string, activityId: string, completed = true) => {
    const res = await call(
      t,
      learner,
      'put',
      `/api/me/learning/${slug}/activities/${activityId}/progress`,
    ).send({
      at: new Date().toISOString(),
      completed,
    });
    expect(res.status).toBe(200);
  };
  const passQuiz = async (learner: TestSession) => {
    const started = await call(
      t,
      learner,
      'post',
      `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}/attempts`,
    );
    expect(started.status).toBe(201);
    for (const slot of started.body.slots as { slot: number; question: { prompt: unknown } }[]) {
      const res = await call(
        t,
        learner,
        'put',
        `/api/me/quiz-attempts/${started.body.id}/slots/${slot.slot}`,
      ).send({
        response: RIGHT[keyOfSlot(slot)],
        at: new Date().toISOString(),
      });
      expect(res.status).toBe(200);
    }
    expect((await call(t, learner, 'post', `/api/me/quiz-attempts/${started.body.id}/submit`)).status).toBe(
      200,
    );
  };
  const progress = (session: TestSession, query = '', id = cohortId) =>
    call(t, session, 'get', `/api/studio/cohorts/${id}/progress${query}`);
  const reminderCount = async () => {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM mail_message WHERE template = 'reminder' AND recipient = ANY($1)`,
      [Object.values(people).map((person) => person.email)],
    )) as { n: number }[];
    return row!.n;
  };
  /** The cohort lists its courses in the order they were added, by id among those added together. */
  const courseOf = (learner: Learner, courseId: string) =>
    learner.courses.find((c) => c.courseId === courseId)!;
  const names = (body: { items: Learner[] }) => body.items.map((item) => item.displayName);

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    admin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    lessons = await publishedCourse(t, trainer, lc, {
      modules: 2,
      lessons: 1,
      fields: { title: 'Open data' },
    });
    quiz = await quizCourse(t, trainer, lc, { fixed: ['single'] });
    const created = await call(t, admin, 'post', '/api/studio/cohorts').send({
      institutionId: lc,
      name: unique('Cohort progress'),
      courseIds: [lessons.id, quiz.courseId],
      facilitatorIds: [trainer.userId],
    });
    expect(created.status).toBe(201);
    cohortId = created.body.id as string;

    people.idle = await learnerSession('Amélie Idle', 'fr');
    people.halfway = await learnerSession('Beatriz Halfway', 'es');
    people.done = await learnerSession('Carl Done', 'en');
    // A name a spreadsheet would run as a formula, to be neutralised in the CSV.
    people.late = await learnerSession('=HYPERLINK("http://evil.example","D late")', 'en');
    for (const person of Object.values(people)) {
      const added = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/members`).send({
        email: person.email,
      });
      expect(added.status).toBe(201);
      expect(added.body.outcome).toBe('enrolled');
    }
    const [module1] = lessons.modules;
    await complete(people.halfway, lessons.slug, module1!.activityIds[0]!);
    for (const id of lessons.activityIds) await complete(people.done, lessons.slug, id);
    await passQuiz(people.done);
    await complete(people.late, lessons.slug, module1!.activityIds[0]!, false);
    // The first module was due yesterday: as if that day had passed.
    await db.query(
      `INSERT INTO cohort_deadline (cohort_id, course_id, module_id, due_on) VALUES ($1, $2, $3, current_date - 1)`,
      [cohortId, lessons.id, module1!.moduleId],
    );
  });
  afterAll(() => t.close());

  it('shows every learner with status, behind and why, progress, quiz and certificate per course, and counts them', async () => {
    const res = await progress(admin);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ members: 4, notStarted: 1, inProgress: 2, behind: 2, completed: 1 });
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 4 });
    const items = res.body.items as Learner[];
    expect(names(res.body)).toEqual([people.late.name, 'Amélie Idle', 'Beatriz Halfway', 'Carl Done']);
    const [late, idle, halfway, done] = items;

    expect(idle).toMatchObject({
      status: 'not_started',
      behind: true,
      progressPercent: 0,
      lastActivityAt: null,
    });
    expect(idle!.behindReason).toMatch(/Module 1.*Open data.*was due on \d{4}-\d{2}-\d{2}/);

    expect(halfway).toMatchObject({
      status: 'in_progress',
      behind: false,
      behindReason: null,
      progressPercent: 25,
    });
    expect(courseOf(halfway!, lessons.id)).toMatchObject({
      courseId: lessons.id,
      progressPercent: 50,
      quiz: null,
      scorm: null,
    });
    expect(courseOf(halfway!, quiz.courseId)).toMatchObject({
      courseId: quiz.courseId,
      enrolled: true,
      progressPercent: 0,
      quiz: { attempted: false, bestScorePercent: null, passed: false },
      certificate: { status: 'none', code: null },
    });
    expect(halfway!.lastActivityAt).not.toBeNull();

    expect(done).toMatchObject({ status: 'completed', behind: false, progressPercent: 100 });
    expect(courseOf(done!, quiz.courseId).quiz).toEqual({
      attempted: true,
      bestScorePercent: 100,
      passed: true,
    });
    for (const course of done!.courses) {
      expect(course.completedAt).not.toBeNull();
      expect(course.certificate).toEqual({
        status: 'issued',
        code: expect.stringMatching(/^\w{4}(-\w{4}){3}$/),
      });
    }

    expect(late).toMatchObject({ status: 'in_progress', behind: true, progressPercent: 0 });
  });

  it('filters by status and name, sorts by progress and last activity, and pages', async () => {
    const behind = await progress(admin, '?status=behind');
    expect(names(behind.body)).toEqual([people.late.name, 'Amélie Idle']);
    expect(behind.body.total).toBe(2);
    // The summary counts everyone, whatever the filter.
    expect(behind.body.summary.members).toBe(4);
    expect(names((await progress(admin, '?status=not_started')).body)).toEqual(['Amélie Idle']);
    expect(names((await progress(admin, '?status=completed')).body)).toEqual(['Carl Done']);
    expect(names((await progress(admin, '?q=BEATRIZ')).body)).toEqual(['Beatriz Halfway']);
    expect(names((await progress(admin, `?q=${encodeURIComponent(people.done.email)}`)).body)).toEqual([
      'Carl Done',
    ]);

    const byProgress = await progress(admin, '?sort=progress&order=desc');
    // Equal progress: by name.
    expect(names(byProgress.body)).toEqual(['Carl Done', 'Beatriz Halfway', people.late.name, 'Amélie Idle']);
    const byActivity = await progress(admin, '?sort=lastActivity&order=asc');
    expect(names(byActivity.body)[0]).toBe('Amélie Idle');
    const recent = await progress(admin, '?sort=lastActivity&order=desc');
    expect(names(recent.body)[3]).toBe('Amélie Idle');

    const page = await progress(admin, '?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 4 });
    expect(names(page.body)).toEqual(['Amélie Idle']);

    const bad = await progress(admin, '?status=lost&sort=mood');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('status must be one of');
  });

  it('exports the filtered list as spreadsheet-safe CSV, in the asked language, and audits the export', async () => {
    const res = await call(
      t,
      admin,
      'get',
      `/api/studio/cohorts/${cohortId}/progress.csv?status=behind&language=es`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename=".+-progress-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = res.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Nombre,Correo electrónico,Estado,Retrasado');
    expect(lines[0]).toContain('Open data: progreso (%)');
    expect(lines[2]).toContain('Amélie Idle');
    expect(lines[2]).toContain('Sin empezar');
    // The formula-like name starts with an apostrophe inside its (quoted) cell: a spreadsheet shows it as text.
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""http://evil.example"",""D late"")"`)).toBe(true);
    expect(text).not.toMatch(/(^|,|\r\n)"?=HYPERLINK/);

    const events = await auditActions(t, cohortId);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'cohort_progress.exported',
        details: expect.objectContaining({ rows: 2, status: 'behind' }),
      }),
    );
  });

  it('previews and sends reminders: one mail per learner, in their language, the message escaped in HTML', async () => {
    const message = 'Please finish <b>module 1</b> & write to me.';
    const preview = await call(t, trainer, 'post', `/api/studio/cohorts/${cohortId}/reminders/preview`).send({
      audience: 'behind',
      message,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.recipientCount).toBe(2);
    expect(preview.body.recipients.map((r: { displayName: string }) => r.displayName)).toEqual([
      people.late.name,
      'Amélie Idle',
    ]);
    expect(preview.body.subject).toContain('A reminder about your training');
    expect(preview.body.text).toContain(`Hello ${people.late.name}`);
    expect(preview.body.text).toMatch(/Module 1.*was due on/);
    expect(preview.body.text).toContain(message);
    const notStarted = await call(
      t,
      trainer,
      'post',
      `/api/studio/cohorts/${cohortId}/reminders/preview`,
    ).send({
      audience: 'not_started',
    });
    expect(notStarted.body.recipientCount).toBe(1);
    expect(await reminderCount()).toBe(0);

    const sent = await call(t, trainer, 'post', `/api/studio/cohorts/${cohortId}/reminders`).send({
      audience: 'behind',
      message,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: 2, recentlyReminded: 0 });
    const mails = (await db.query(
      `SELECT recipient, language, subject, text_body AS text, html_body AS html FROM mail_message
        WHERE template = 'reminder' AND recipient = ANY($1) ORDER BY recipient`,
      [Object.values(people).map((person) => person.email)],
    )) as { recipient: string; language: string; subject: string; text: string; html: string }[];
    expect(mails).toHaveLength(2);
    const toIdle = mails.find((mail) => mail.recipient === people.idle.email)!;
    const toLate = mails.find((mail) => mail.recipient === people.late.email)!;
    expect(toIdle.language).toBe('fr');
    expect(toIdle.subject).toContain('Un rappel concernant votre formation');
    expect(toIdle.text).toContain('Bonjour');
    expect(toIdle.text).toContain('/learning');
    expect(toLate.language).toBe('en');
    expect(toLate.text).toMatch(/Module 1.*was due on/);
    for (const mail of mails) {
      expect(mail.text).toContain(message);
      expect(mail.html).toContain('&lt;b&gt;module 1&lt;/b&gt; &amp; write');
      expect(mail.html).not.toContain('<b>module 1');
    }
    expect(await auditActions(t, cohortId)).toContainEqual(
      expect.objectContaining({
        action: 'cohort.reminded',
        details: { audience: 'behind', recipients: 2, skippedRecentlyReminded: 0, withMessage: true },
      }),
    );

    // A second click, or another facilitator, within a day: those just reminded are left out.
    const again = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders/preview`).send({
      audience: 'behind',
    });
    expect(again.body).toMatchObject({ recipientCount: 0, recentlyReminded: 2 });
    const twice = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders`).send({
      audience: 'behind',
    });
    expect(twice.body).toEqual({ sent: 0, recentlyReminded: 2 });
    expect(
      await db.query(`SELECT 1 FROM mail_message WHERE template = 'reminder' AND recipient = ANY($1)`, [
        [people.idle.email, people.late.email],
      ]),
    ).toHaveLength(2);

    const chosen = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders`).send({
      audience: 'selected',
      userIds: [people.halfway.userId],
    });
    expect(chosen.body).toEqual({ sent: 1, recentlyReminded: 0 });
    const [toHalfway] = await db.query(
      `SELECT language, subject FROM mail_message WHERE template = 'reminder' AND recipient = $1`,
      [people.halfway.email],
    );
    expect(toHalfway).toMatchObject({ language: 'es', subject: expect.stringContaining('Un recordatorio') });

    const stranger = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders/preview`).send({
      audience: 'selected',
      userIds: [people.halfway.userId, trainer.userId],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'userIds[1]' })]);
    const noneChosen = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders/preview`).send(
      {
        audience: 'selected',
      },
    );
    expect(noneChosen.status).toBe(400);
    const long = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders/preview`).send({
      audience: 'behind',
      message: 'x'.repeat(2001),
    });
    expect(long.status).toBe(400);
    const before = await reminderCount();
    const nul = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/reminders`).send({
      audience: 'behind',
      message: 'Please\u0000 finish',
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'message' })]);
    expect(await reminderCount()).toBe(before);
  });

  it('lets facilitators read and remind; hides the cohort from other trainers and other institutions', async () => {
    expect((await progress(trainer)).status).toBe(200);
    const otherTrainer = await createPerson(
      t,
      { institutionId: lc, role: InstitutionRole.Trainer },
      'not-facilitator',
    );
    const outsider = await signIn(t, otherTrainer.email, otherTrainer.password);
    const other = await createInstitutionWithAdmin(t, 'progress-other');
    const otherAdmin = await signIn(t, other.admin.email, other.admin.password);
    for (const session of [outsider, otherAdmin]) {
      expect((await progress(session)).status).toBe(404);
      expect((await call(t, session, 'get', `/api/studio/cohorts/${cohortId}/progress.csv`)).status).toBe(
        404,
      );
      const remind = await call(t, session, 'post', `/api/studio/cohorts/${cohortId}/reminders/preview`).send(
        {
          audience: 'behind',
        },
      );
      expect(remind.status).toBe(404);
    }
    expect((await progress(people.done)).status).toBe(403);
    expect((await call(t, undefined, 'get', `/api/studio/cohorts/${cohortId}/progress`)).status).toBe(401);
  });

  it("counts learners behind once the cohort's last day passed without them completing", async () => {
    await db.query(`DELETE FROM cohort_deadline WHERE cohort_id = $1`, [cohortId]);
    expect((await progress(admin)).body.summary).toMatchObject({ behind: 0 });
    await db.query(`UPDATE cohort SET ends_on = current_date - 1 WHERE id = $1`, [cohortId]);
    const res = await progress(admin, '?status=behind');
    expect(res.body.summary).toMatchObject({ behind: 3, completed: 1 });
    expect(names(res.body)).toEqual([people.late.name, 'Amélie Idle', 'Beatriz Halfway']);
    expect((res.body.items as Learner[])[2]!.behindReason).toMatch(/^The cohort ended on \d{4}-\d{2}-\d{2}/);
  });

  it('reads a 300-learner cohort with one query per module, whatever its size', async () => {
    const big = await call(t, admin, 'post', '/api/studio/cohorts').send({
      institutionId: lc,
      name: unique('Big cohort'),
      courseIds: [lessons.id, quiz.courseId],
      facilitatorIds: [trainer.userId],
    });
    expect(big.status).toBe(201);
    const tag = unique('big');
    // 300 learners enrolled in both courses, every other one having completed the first lesson.
    await db.query(
      `WITH people AS (
         INSERT INTO user_account (email, display_name, password_hash)
         SELECT $2 || '-' || n || '@example.org', 'Learner ' || lpad(n::text, 3, '0'), 'not-a-hash'
           FROM generate_series(1, 300) AS n RETURNING id, display_name
       ), members AS (
         INSERT INTO cohort_member (cohort_id, user_id, source) SELECT $1, id, 'import' FROM people
       ), enrolled AS (
         INSERT INTO enrolment (course_id, user_id, version_id, source)
         SELECT v.course_id, p.id, v.version_id, 'cohort'
           FROM people p CROSS JOIN (SELECT DISTINCT course_id, version_id FROM enrolment
                                      WHERE course_id = ANY($3::uuid[])) v
         RETURNING id, user_id, course_id
       )
       INSERT INTO activity_progress (enrolment_id, activity_id, status, completed_at)
       SELECT e.id, $4, 'completed', now() FROM enrolled e JOIN people p ON p.id = e.user_id
        WHERE e.course_id = $5 AND right(p.display_name, 1) IN ('0', '2', '4', '6', '8')`,
      [big.body.id, tag, [lessons.id, quiz.courseId], lessons.activityIds[0], lessons.id],
    );
    const services = [
      ProgressSummaries,
      QuizResultSummaries,
      ScormStatusSummaries,
      CertificateStatusSummaries,
    ];
    const spies = services.map((service) => jest.spyOn(service.prototype, 'forLearners'));
    try {
      const started = Date.now();
      const res = await progress(admin, '?sort=progress&order=desc&pageSize=100', big.body.id as string);
      const elapsed = Date.now() - started;
      expect(res.status).toBe(200);
      expect(res.body.summary).toEqual({
        members: 300,
        notStarted: 150,
        inProgress: 150,
        behind: 0,
        completed: 0,
      });
      expect(res.body.total).toBe(300);
      expect((res.body.items as Learner[])[0]).toMatchObject({ progressPercent: 25, status: 'in_progress' });
      for (const spy of spies) expect(spy).toHaveBeenCalledTimes(1);
      // Generous, for a shared test machine: the point is no query per learner.
      expect(elapsed).toBeLessThan(5000);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('keeps a closed cohort readable and refuses reminders with 409 cohort-closed', async () => {
    const closed = await call(t, admin, 'post', `/api/studio/cohorts/${cohortId}/close`);
    expect(closed.status).toBe(200);
    expect((await progress(trainer)).status).toBe(200);
    const before = await reminderCount();
    for (const path of ['reminders/preview', 'reminders']) {
      const res = await call(t, trainer, 'post', `/api/studio/cohorts/${cohortId}/${path}`).send({
        audience: 'not_started',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('cohort-closed');
      expect(res.body.detail).toContain('is closed');
    }
    expect(await reminderCount()).toBe(before);
  });
});

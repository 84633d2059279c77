import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { QuestionVersions, questionRefKey } from '../src/quizzes/bank/question-versions.service.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import { createCourse } from './course-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const singleChoice = (prompt: string, points = 1) => ({
  type: 'single-choice',
  prompt: doc(prompt),
  generalFeedback: null,
  points,
  options: [
    { id: 'a', text: doc('Yes'), feedback: null },
    { id: 'b', text: doc('No'), feedback: null },
  ],
  correctOptionId: 'a',
});

const GIFT = `// A small bank
$CATEGORY: Digital government/Basics

::Portal::A single portal for public services is called a one-stop shop. {T}

::Identity::Which one proves who a citizen is online? {
  =A digital identity
  ~A postal address
  ~A fax number
}

$CATEGORY: Digital government/Data

::Once only::Under the once-only principle, citizens give the same data {=once ~every time ~twice}
`;

describe('question bank', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let learner: TestSession;
  let outsider: TestSession;

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const other = await createInstitutionWithAdmin(t, 'bank');
    const person = await createPerson(t, {
      institutionId: other.institutionId,
      role: InstitutionRole.Trainer,
    });
    outsider = await signIn(t, person.email, person.password);
  });
  afterAll(() => t.close());

  const newCourse = async () => (await createCourse(t, trainer, lc)).id;
  const create = (courseId: string, body: Record<string, unknown>) =>
    call(t, trainer, 'post', `/api/studio/courses/${courseId}/questions`).send(body);

  it('creates a question, versions every edit and refuses a stale version with the current one', async () => {
    const courseId = await newCourse();
    const created = await create(courseId, {
      category: 'Basics',
      tags: ['intro'],
      question: singleChoice('Is a portal a one-stop shop?'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Is a portal a one-stop shop?',
      type: 'single-choice',
      category: 'Basics',
      tags: ['intro'],
      version: 1,
      points: 1,
      usedIn: 0,
      archived: false,
      courseId,
      courseArchived: false,
      question: singleChoice('Is a portal a one-stop shop?'),
      versions: [{ version: 1, createdBy: expect.any(String) }],
    });
    const id = created.body.id as string;

    const updated = await call(t, trainer, 'put', `/api/studio/questions/${id}`).send({
      version: 1,
      category: 'Basics',
      tags: [],
      name: 'Portal',
      question: singleChoice('Is a portal a one-stop shop?', 2),
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Portal', version: 2, points: 2, tags: [] });
    expect(updated.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const stale = await call(t, trainer, 'put', `/api/studio/questions/${id}`).send({
      version: 1,
      category: 'Basics',
      tags: [],
      question: singleChoice('Overwritten?'),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, name: 'Portal' });

    // Version 1 is still there, unchanged, for attempts that used it.
    const loaded = await t.app.get(QuestionVersions).load([
      { questionId: id, version: 1 },
      { questionId: id, version: 2 },
    ]);
    expect(loaded.get(questionRefKey({ questionId: id, version: 1 }))?.body).toMatchObject({ points: 1 });
    expect(loaded.get(`${id}:2`)).toMatchObject({
      name: 'Portal',
      type: 'single-choice',
      body: { points: 2 },
    });
    expect((await auditActions(t, id)).map((event) => event.action)).toEqual([
      'question.created',
      'question.updated',
    ]);
  });

  it('refuses an invalid question with 422 naming each path, writing nothing', async () => {
    const courseId = await newCourse();
    const res = await create(courseId, {
      category: 'Basics',
      tags: [],
      question: {
        ...singleChoice('Broken'),
        options: [
          { id: 'a', text: doc('Yes'), feedback: null },
          {
            id: 'b',
            text: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'image' }] }] },
            feedback: null,
          },
        ],
        correctOptionId: 'c',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining([
        'question.options[1].text.content[0].content[0].type',
        'question.correctOptionId',
      ]),
    );
    const missing = await create(courseId, { category: '', tags: [], question: 'no' });
    expect(missing.status).toBe(400);
    expect((await db.query(`SELECT 1 FROM question WHERE course_id = $1`, [courseId])).length).toBe(0);
  });

  it('lists with filters and paging, counts categories, and hides archived questions', async () => {
    const courseId = await newCourse();
    const ids: string[] = [];
    for (const [category, name, tags] of [
      ['Basics', 'Alpha portal', ['a']],
      ['Basics', 'Beta identity', ['b']],
      ['Data', 'Gamma once only', ['a']],
    ] as const) {
      const res = await create(courseId, { category, tags, name, question: singleChoice(`About ${name}`) });
      ids.push(res.body.id as string);
    }
    await create(courseId, {
      category: 'Data',
      tags: [],
      question: {
        type: 'essay',
        prompt: doc('Explain the registry'),
        generalFeedback: null,
        points: 5,
        graded: true,
      },
    });
    const list = (query: string) =>
      call(t, trainer, 'get', `/api/studio/courses/${courseId}/questions?${query}`);

    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((item: { name: string }) => item.name)).toEqual([
      'Alpha portal',
      'Beta identity',
      'Explain the registry',
      'Gamma once only',
    ]);
    expect((await list('category=Basics')).body.total).toBe(2);
    expect((await list('tag=a')).body.items.map((item: { name: string }) => item.name)).toEqual([
      'Alpha portal',
      'Gamma once only',
    ]);
    expect((await list('type=essay')).body.items).toMatchObject([
      { name: 'Explain the registry', points: 5 },
    ]);
    expect((await list('q=IDENTITY')).body.total).toBe(1);
    expect((await list('q=registry')).body.total).toBe(1); // found in the prompt
    const second = await list('page=2&pageSize=3');
    expect(second.body).toMatchObject({
      page: 2,
      pageSize: 3,
      total: 4,
      items: [{ name: 'Gamma once only' }],
    });
    expect((await list('type=drag')).status).toBe(400);

    const archived = await call(t, trainer, 'delete', `/api/studio/questions/${ids[0]}`);
    expect(archived.status).toBe(204);
    expect((await call(t, trainer, 'delete', `/api/studio/questions/${ids[0]}`)).status).toBe(204);
    expect((await list('')).body.total).toBe(3);
    const categories = await call(t, trainer, 'get', `/api/studio/courses/${courseId}/question-categories`);
    expect(categories.body).toEqual([
      { name: 'Basics', count: 1 },
      { name: 'Data', count: 2 },
    ]);
    // An archived question still opens (quizzes and attempts point at it), but cannot be edited.
    expect((await call(t, trainer, 'get', `/api/studio/questions/${ids[0]}`)).body).toMatchObject({
      archived: true,
    });
    const edit = await call(t, trainer, 'put', `/api/studio/questions/${ids[0]}`).send({
      version: 1,
      category: 'Basics',
      tags: [],
      question: singleChoice('Again'),
    });
    expect(edit.status).toBe(409);

    const versions = t.app.get(QuestionVersions);
    // Random draws pick from the category's questions that are not archived, in any number of
    // courses and categories at once.
    const otherCourse = await newCourse();
    const pools = await versions.pools([
      { courseId, category: 'Basics' },
      { courseId, category: 'Basics' },
      { courseId: otherCourse, category: 'Basics' },
    ]);
    expect(pools.map((q) => [q.questionId, q.version, q.courseId, q.category])).toEqual([
      [ids[1], 1, courseId, 'Basics'],
    ]);
    // The current state of questions whatever their course: callers compare courseId and archived.
    const current = await versions.current([ids[0]!, ids[1]!, ids[2]!, ids[0]!]);
    expect(current.get(ids[0]!)).toMatchObject({ version: 1, archived: true, courseId, category: 'Basics' });
    expect(current.get(ids[1]!)).toMatchObject({ archived: false, name: 'Beta identity', gradable: true });
    expect(current.size).toBe(3);
    expect((await auditActions(t, ids[0]!)).map((event) => event.action)).toContain('question.archived');
  });

  it('previews a GIFT import, imports it in one go, and exports what reads back the same', async () => {
    const courseId = await newCourse();
    const url = `/api/studio/courses/${courseId}/questions/import`;
    const preview = await call(t, trainer, 'post', url).send({ gift: GIFT, dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      imported: 0,
      problems: [],
      questions: [
        {
          id: null,
          line: 4,
          name: 'Portal',
          type: 'true-false',
          category: 'Digital government/Basics',
          points: 1,
        },
        { id: null, name: 'Identity', type: 'single-choice' },
        { id: null, name: 'Once only', category: 'Digital government/Data' },
      ],
    });
    expect((await db.query(`SELECT 1 FROM question WHERE course_id = $1`, [courseId])).length).toBe(0);

    const imported = await call(t, trainer, 'post', url).send({ gift: GIFT });
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(3);
    expect(imported.body.questions.every((question: { id: string }) => question.id)).toBe(true);
    expect(await auditActions(t, courseId)).toEqual(
      expect.arrayContaining([{ action: 'questions.imported', details: { imported: 3, skipped: 0 } }]),
    );

    const exported = await call(t, trainer, 'get', `/api/studio/courses/${courseId}/questions/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/plain/);
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename=".+-questions\.gift\.txt"$/,
    );
    expect(exported.text).toContain('$CATEGORY: Digital government/Basics');

    // Importing the export into another course gives the same questions.
    const copy = await newCourse();
    const again = await call(t, trainer, 'post', `/api/studio/courses/${copy}/questions/import`).send({
      gift: exported.text,
    });
    expect(again.body.imported).toBe(3);
    const bodies = async (course: string) =>
      db.query(
        `SELECT q.category, v.name, v.type, v.body FROM question q JOIN question_version v ON v.question_id = q.id
          WHERE q.course_id = $1 ORDER BY v.name`,
        [course],
      );
    expect(await bodies(copy)).toEqual(await bodies(courseId));

    const basics = await call(
      t,
      trainer,
      'get',
      `/api/studio/courses/${courseId}/questions/export?category=Digital government/Basics`,
    );
    expect(basics.text).not.toContain('Once only');
    expect(basics.headers['content-disposition']).toContain('-questions-digital-government-basics.gift.txt');
  });

  it('imports nothing while a question has problems, unless told to skip them', async () => {
    const courseId = await newCourse();
    const url = `/api/studio/courses/${courseId}/questions/import`;
    const gift = `::Good::Fine? {T}\n\n::Intro::Just a description\n\n::Broken::Never closed {=a ~b\n\n::Also good::Yes? {F}\n`;
    const refused = await call(t, trainer, 'post', url).send({ gift, category: 'Imported' });
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      { line: 3, message: 'descriptions are not questions, so this one was not imported' },
      { line: 5, message: expect.stringContaining('never closed') },
    ]);
    expect(refused.body.errors[0]).toMatchObject({
      field: 'gift',
      message: expect.stringMatching(/^line 3: /),
    });
    expect((await db.query(`SELECT 1 FROM question WHERE course_id = $1`, [courseId])).length).toBe(0);

    const preview = await call(t, trainer, 'post', url).send({ gift, dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toHaveLength(2);

    const accepted = await call(t, trainer, 'post', url).send({
      gift,
      category: 'Imported',
      acceptProblems: true,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      imported: 2,
      questions: [{ name: 'Good', category: 'Imported' }, { name: 'Also good' }],
    });
    const plain = await call(t, trainer, 'post', url).send({ gift: 'Good ? {T}', acceptProblems: true });
    expect(plain.body.questions[0].category).toBe('Default');
  });

  it('refuses a file that is not GIFT with a clear problem', async () => {
    const courseId = await newCourse();
    const url = `/api/studio/courses/${courseId}/questions/import`;
    for (const gift of ['name,email\nAna,ana@example.org\n', '<?xml version="1.0"?><quiz></quiz>', '   ']) {
      const res = await call(t, trainer, 'post', url).send({ gift, acceptProblems: true });
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(/GIFT|no questions|XML/);
    }
  });

  it('refuses changes while the course is archived', async () => {
    const courseId = await newCourse();
    const id = (await create(courseId, { category: 'C', tags: [], question: singleChoice('Q') })).body
      .id as string;
    expect((await call(t, trainer, 'post', `/api/studio/courses/${courseId}/archive`)).status).toBe(200);
    expect((await create(courseId, { category: 'C', tags: [], question: singleChoice('Q') })).status).toBe(
      409,
    );
    const put = await call(t, trainer, 'put', `/api/studio/questions/${id}`).send({
      version: 1,
      category: 'C',
      tags: [],
      question: singleChoice('Q2'),
    });
    expect(put.status).toBe(409);
    expect((await call(t, trainer, 'delete', `/api/studio/questions/${id}`)).status).toBe(409);
    const imported = await call(t, trainer, 'post', `/api/studio/courses/${courseId}/questions/import`).send({
      gift: 'Q {T}',
    });
    expect(imported.status).toBe(409);
    // Reading still works.
    expect((await call(t, trainer, 'get', `/api/studio/questions/${id}`)).body.courseArchived).toBe(true);
  });

  it('is for authors of the course only: learners 403, another institution 404', async () => {
    const courseId = await newCourse();
    const id = (await create(courseId, { category: 'C', tags: [], question: singleChoice('Q') })).body
      .id as string;
    expect((await call(t, learner, 'get', `/api/studio/courses/${courseId}/questions`)).status).toBe(403);
    expect((await call(t, learner, 'get', `/api/studio/questions/${id}`)).status).toBe(403);
    expect((await call(t, outsider, 'get', `/api/studio/courses/${courseId}/questions`)).status).toBe(404);
    expect((await call(t, outsider, 'get', `/api/studio/questions/${id}`)).status).toBe(404);
    expect((await call(t, outsider, 'delete', `/api/studio/questions/${id}`)).status).toBe(404);
    expect((await call(t, outsider, 'get', `/api/studio/courses/${courseId}/questions/export`)).status).toBe(
      404,
    );
    expect((await call(t, trainer, 'get', `/api/studio/questions/${id}`)).status).toBe(200);
  });
});

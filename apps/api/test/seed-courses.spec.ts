import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadCourses } from '@archipelago/content';
import { DataSource } from 'typeorm';
import { reflectionId, seedModule } from '../src/seed/shipped-courses.js';
import { SeedService } from '../src/seed/seed.service.js';
import { demoInstitutionId } from './admin-fixtures.js';
import { call, DEMO, signIn } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const SLUGS = ['innovation-digital-government', 'changing-mindsets'];

describe('demo seed: the shipped courses', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  /** Everything the seed wrote for the shipped courses, to compare two runs. */
  const state = async () =>
    db.query(
      `SELECT c.slug, c.status, c.revision, c.institution_id AS "institutionId",
              m.position AS module, m.title AS "moduleTitle", m.objectives, m.estimated_minutes AS minutes,
              a.position AS activity, a.kind, a.title, l.revision AS "lessonRevision", l.document
         FROM course c
         JOIN course_module m ON m.course_id = c.id
         JOIN activity a ON a.module_id = m.id
         JOIN lesson_content l ON l.activity_id = a.id
        WHERE c.slug = ANY($1)
        ORDER BY c.slug, m.position, a.position`,
      [SLUGS],
    ) as Promise<
      {
        slug: string;
        status: string;
        institutionId: string;
        module: number;
        moduleTitle: string;
        objectives: string[];
        minutes: number;
        kind: string;
        title: string;
        lessonRevision: number;
        document: { type: string; content: { type: string; attrs?: { id: string; prompt: string } }[] };
      }[]
    >;

  it('loads both courses of the Saint Lucia centre, module by module, publishes them, and changes nothing the second time', async () => {
    // Other specs of the run may have seeded first; what matters is what is in the database.
    await t.app.get(SeedService).run();
    const rows = await state();
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(SLUGS));
    const lc = await demoInstitutionId(t);
    const content = loadCourses();
    for (const course of content) {
      const mine = rows.filter((r) => r.slug === course.slug);
      expect(mine.every((r) => r.institutionId === lc)).toBe(true);
      expect(new Set(mine.map((r) => r.module)).size).toBe(course.modules.length);
      for (const module of course.modules) {
        const activities = mine.filter((r) => r.module === module.number - 1);
        const expected = module.items.filter((i) => i.kind !== 'reflection');
        expect(activities.map((a) => a.title)).toEqual(expected.map((i) => i.title));
        expect(activities[0]).toMatchObject({
          moduleTitle: module.title,
          objectives: module.objectives,
          minutes: module.estimatedMinutes,
        });
        expect(activities.every((a) => a.kind === 'lesson' && a.lessonRevision === 2)).toBe(true);
        expect(activities.every((a) => a.document.content.length > 0)).toBe(true);
        // Every reflection sits in a document, with its stable id and prompt.
        const reflections = activities.flatMap((a) =>
          a.document.content.filter((n) => n.type === 'reflection'),
        );
        const prompts = module.items.flatMap((i) => (i.kind === 'reflection' ? [i.prompt] : []));
        expect(reflections.map((r) => r.attrs)).toEqual(
          prompts.map((prompt) => ({ id: reflectionId(course.slug, module.number, prompt), prompt })),
        );
      }
    }
    expect(content.map((c) => c.modules.length).sort()).toEqual([12, 5]);
    const firstVersions = (await t.app.get(DataSource).query(
      `SELECT c.slug, v.change_log AS "changeLog" FROM course_version v JOIN course c ON c.id = v.course_id
        WHERE c.slug = ANY($1) AND v.number = 1 ORDER BY c.slug`,
      [SLUGS],
    )) as { slug: string; changeLog: string }[];
    expect(firstVersions).toEqual(
      [...SLUGS].sort().map((slug) => ({ slug, changeLog: 'First version, as shipped with Archipelago.' })),
    );

    const again = await t.app.get(SeedService).run();
    expect(again).toEqual({ institutionsCreated: 0, accountsCreated: 0, coursesCreated: 0 });
    expect(await state()).toEqual(rows);
  });

  it('puts a reflection after the item before it, with its guidance, and derives the same id every time', () => {
    const converted = seedModule('example', {
      number: 3,
      slug: 'example',
      title: 'Example',
      summary: 'An example.',
      estimatedMinutes: 10,
      objectives: ['Try it'],
      items: [
        { kind: 'lesson', title: 'First', markdown: 'Some text.' },
        { kind: 'reflection', prompt: 'What would you change?', guidance: 'Think of **one** service.' },
        { kind: 'activity', title: 'Do it', markdown: '1. Step one' },
      ],
    });
    expect(converted.lessons.map((l) => l.title)).toEqual(['First', 'Do it']);
    const id = reflectionId('example', 3, 'What would you change?');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reflectionId('example', 3, 'What would you change?')).toBe(id);
    expect(reflectionId('example', 4, 'What would you change?')).not.toBe(id);
    expect(converted.lessons[0]!.document.content.map((n) => n.type)).toEqual([
      'paragraph',
      'reflection',
      'paragraph',
    ]);
    expect(converted.lessons[0]!.document.content[1]).toEqual({
      type: 'reflection',
      attrs: { id, prompt: 'What would you change?' },
    });
  });

  it('adds the demo quiz after module 4, drawing five questions from the shipped GIFT bank', async () => {
    await t.app.get(SeedService).run();
    const [quiz] = (await db.query(
      `SELECT a.title, m.position + 1 AS module, a.position = (SELECT max(position) FROM activity WHERE module_id = m.id AND kind <> 'scorm') AS last,
              cva.content, (SELECT count(*)::int FROM question q WHERE q.course_id = c.id) AS bank
         FROM course c
         JOIN course_module m ON m.course_id = c.id
         JOIN activity a ON a.module_id = m.id AND a.kind = 'quiz'
         JOIN course_version v ON v.course_id = c.id
         JOIN course_version_activity cva ON cva.version_id = v.id AND cva.activity_id = a.id
        WHERE c.slug = 'innovation-digital-government'`,
    )) as {
      title: string;
      module: number;
      last: boolean;
      content: { questionCount: number; settings: { attemptsAllowed: number; passingScore: number } };
      bank: number;
    }[];
    expect(quiz).toMatchObject({
      title: 'Check your understanding: digital government',
      module: 4,
      last: true,
      bank: 13,
    });
    expect(quiz!.content.questionCount).toBe(5);
    expect(quiz!.content.settings).toMatchObject({ attemptsAllowed: 3, passingScore: 60 });
  });

  it('adds the demo SCORM package after the quiz of module 4, imported with no problems, and the demo learner can start it, leave halfway and resume', async () => {
    await t.app.get(SeedService).run();
    const rows = (await db.query(
      `SELECT a.id, a.title, m.position + 1 AS module, a.kind, p.warnings, p.scorm_version AS "scormVersion",
              cva.content->>'packageId' AS "publishedPackageId", sc.package_id AS "packageId",
              (SELECT array_agg(x.kind ORDER BY x.position) FROM activity x WHERE x.module_id = m.id) AS kinds
         FROM course c
         JOIN course_module m ON m.course_id = c.id
         JOIN activity a ON a.module_id = m.id AND a.kind = 'scorm'
         JOIN scorm_content sc ON sc.activity_id = a.id
         JOIN scorm_package p ON p.id = sc.package_id
         JOIN course_version v ON v.course_id = c.id AND v.number = 1
         JOIN course_version_activity cva ON cva.version_id = v.id AND cva.activity_id = a.id
        WHERE c.slug = 'innovation-digital-government'`,
    )) as {
      id: string;
      title: string;
      module: number;
      warnings: unknown[];
      scormVersion: string;
      publishedPackageId: string;
      packageId: string;
      kinds: string[];
    }[];
    expect(rows).toHaveLength(1);
    const scorm = rows[0]!;
    expect(scorm).toMatchObject({
      title: 'Is this service ready to go online?',
      module: 4,
      warnings: [],
      scormVersion: '2004-3rd',
      publishedPackageId: scorm.packageId,
    });
    expect(scorm.kinds.slice(-2)).toEqual(['quiz', 'scorm']);

    // The trainer previews it in the Studio: two SCOs, played in order, and nothing to warn about.
    const trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    const draft = await call(t, trainer, 'get', `/api/studio/scorm/${scorm.id}`);
    expect(draft.status).toBe(200);
    const pkg = (
      draft.body as {
        package: { warnings: unknown[]; items: { identifier: string; scormType: string }[] };
      }
    ).package;
    expect(pkg.warnings).toEqual([]);
    expect(pkg.items.map((i) => [i.identifier, i.scormType])).toEqual([
      ['item_guide', 'sco'],
      ['item_check', 'sco'],
    ]);

    // The demo learner enrols and starts it: the guide is delivered, and its page is served.
    const learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const enrol = await call(t, learner, 'post', '/api/courses/innovation-digital-government/enrolment');
    expect([200, 201]).toContain(enrol.status);
    const base = `/api/me/learning/innovation-digital-government/scorm/${scorm.id}`;
    const player = await call(t, learner, 'get', base);
    expect(player.status).toBe(200);
    expect(player.body).toMatchObject({ scormVersion: '2004-3rd', controls: { choice: false, flow: true } });
    const started = await call(t, learner, 'post', `${base}/navigation`).send({ request: 'start' });
    expect(started.status).toBe(200);
    const delivery = (started.body as { delivery: { scoId: string; launchUrl: string; scormType: string } })
      .delivery;
    expect(delivery).toMatchObject({ scoId: 'item_guide', scormType: 'sco' });
    expect(delivery.launchUrl).toContain(`/api/scorm/packages/${scorm.packageId}/files/guide.html`);
    const page = await call(t, learner, 'get', delivery.launchUrl);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="en">');

    // The learner leaves the guide halfway (what its script commits at page 2, then Terminate on
    // unload), and starting again resumes it there.
    const left = await t.http
      .post(`${(started.body as { delivery: { commitUrl: string } }).delivery.commitUrl}?final=true`)
      .set('cookie', learner.cookie)
      .send({
        cmi: {
          location: '1',
          suspend_data: '{"seen":[0,1]}',
          progress_measure: '0.67',
          completion_status: 'incomplete',
          exit: 'suspend',
        },
        commitSequence: 1,
      });
    expect(left.body).toEqual({ result: 'true', errorCode: 0 });
    const again = await call(t, learner, 'post', `${base}/navigation`).send({ request: 'start' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      delivery: {
        scoId: 'item_guide',
        entry: 'resume',
        cmi: { location: '1', suspend_data: '{"seen":[0,1]}' },
      },
      player: { resumeScoId: 'item_guide' },
    });
  });
});

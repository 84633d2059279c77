// The learning budgets, for `pnpm bench` (scripts/bench.mjs): on a seeded API, the demo trainer
// publishes a course of 15 modules × 10 lessons; 32 learners sign up, enrol and complete some of it;
// then autocannon measures, each request as one of the learners in turn,
//   - GET /api/me/learning/:slug (the outline with progress), 32 connections
//   - PUT …/activities/:id/progress (position and completion writes over all 150 activities), 32 connections
// with the API's own p99 (from its request log) beside autocannon's, which counts the load generator's
// time on the same two cores.
import autocannon from 'autocannon';
import { measureSlow3g } from './bench-slow-3g.mjs';
import { newLearner, session, TRAINER } from './lib/bench-people.mjs';

const LEARNERS = 32;

const paragraph = (text) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A lesson of a realistic length: a heading and a few paragraphs. */
const lessonDocument = (title) => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] },
    ...Array.from({ length: 6 }, (_, i) =>
      paragraph(
        `Paragraph ${i + 1}: a ministry in the Caribbean redesigns a service with the people who use it, ` +
          'measures what changed, and shares what it learned with the rest of government.',
      ),
    ),
  ],
});

async function publishCourse(trainer, modules, lessons) {
  const institutions = await trainer.call('GET', '/api/institutions?country=LC');
  const centre = institutions.items.find((i) => i.name.includes('Training Centre'));
  const slug = `bench-${Date.now().toString(36)}`;
  const course = await trainer.call('POST', '/api/studio/courses', {
    slug,
    title: 'Benchmark course',
    summary: 'Fifteen modules of ten lessons.',
    language: 'en',
    institutionId: centre.id,
  });
  let revision = course.revision;
  const activityIds = [];
  for (let m = 0; m < modules; m += 1) {
    const module = await trainer.call('POST', `/api/studio/courses/${course.id}/modules`, {
      revision,
      title: `Module ${m + 1}`,
    });
    revision = module.course.revision;
    for (let l = 0; l < lessons; l += 1) {
      const lesson = await trainer.call(
        'POST',
        `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
        {
          revision,
          kind: 'lesson',
          title: `Lesson ${m + 1}.${l + 1}`,
        },
      );
      revision = lesson.course.revision;
      activityIds.push(lesson.id);
      await trainer.call('PUT', `/api/studio/lessons/${lesson.id}`, {
        revision: 1,
        document: lessonDocument(`Lesson ${m + 1}.${l + 1}`),
      });
    }
  }
  await trainer.call('POST', `/api/studio/courses/${course.id}/publish`, {
    revision,
    changeLog: 'Benchmark',
  });
  return { slug, activityIds };
}

/** A new learner who signed up, enrolled and completed the first `done` activities. */
async function learner(base, slug, activityIds, done, i) {
  const person = await newLearner(base, 'bench', i);
  await person.call('POST', `/api/courses/${slug}/enrolment`);
  for (const id of activityIds.slice(0, done)) {
    await person.call('PUT', `/api/me/learning/${slug}/activities/${id}/progress`, {
      at: new Date().toISOString(),
      completed: true,
    });
  }
  return person;
}

/** `serverTimes(method, route, during)` reads the API's own request times while `during` runs (bench.mjs). */
export async function measureLearning(port, serverTimes) {
  const base = `http://127.0.0.1:${port}`;
  const trainer = await session(base, TRAINER);
  const { slug, activityIds } = await publishCourse(trainer, 15, 10);
  const learners = [];
  for (let i = 0; i < LEARNERS; i += 1) learners.push(await learner(base, slug, activityIds, 40, i));
  const as = (person) => ({ cookie: person.cookie, 'x-csrf-token': person.csrfToken });

  let n = 0;
  const outlineRequest = {
    method: 'GET',
    path: `/api/me/learning/${slug}`,
    setupRequest: (request) => {
      n += 1;
      return { ...request, headers: { ...request.headers, ...as(learners[n % LEARNERS]) } };
    },
  };
  const readOptions = { url: base, connections: 32, requests: [outlineRequest] };
  await autocannon({ ...readOptions, duration: 3 }); // warm-up
  const outline = await serverTimes('GET', '/api/me/learning/:slug', () =>
    autocannon({ ...readOptions, duration: 10 }),
  );

  const progressRequest = {
    method: 'PUT',
    setupRequest: (request) => {
      n += 1;
      const person = learners[n % LEARNERS];
      const id = activityIds[Math.floor(n / LEARNERS) % activityIds.length];
      return {
        ...request,
        path: `/api/me/learning/${slug}/activities/${id}/progress`,
        headers: { ...request.headers, ...as(person), 'content-type': 'application/json' },
        body: JSON.stringify({
          at: new Date().toISOString(),
          position: { anchor: 'section-2', fraction: (n % 100) / 100 },
          completed: n % 10 === 0,
        }),
      };
    },
  };
  const writeOptions = { url: base, connections: 32, requests: [progressRequest] };
  await autocannon({ ...writeOptions, duration: 3 }); // warm-up
  const writes = await serverTimes('PUT', '/api/me/learning/:slug/activities/:activityId/progress', () =>
    autocannon({ ...writeOptions, duration: 10 }),
  );
  const lessons = activityIds.slice(60, 62).map((id) => `/learn/${slug}/${id}`);
  const slow3g = await measureSlow3g(base, learners[0].cookie, lessons);
  return { outline, writes, slow3g };
}

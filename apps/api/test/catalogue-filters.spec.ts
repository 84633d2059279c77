import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addModule, createCourse } from './course-fixtures.js';
import { call, unique, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

interface Listed {
  title: string;
  language: string;
  estimatedHours: number | null;
  topics: string[];
}

/**
 * The catalogue's filters and facets. Other spec files publish courses into the same database, so
 * every list here is narrowed by this file's marker (in titles and topics) and facet counts are
 * checked for this file's own topics or as lower bounds.
 */
describe('public catalogue: filters by topic, language and length, and the facets', () => {
  let t: TestApp;
  let trainer: TestSession;
  let lc: string;
  const marker = unique('filters');
  /** Topics only this file uses, so their counts are exact. */
  const topicA = `${marker} governance`;
  const topicB = `${marker} budgeting`;
  const shared = `${marker} leadership`;

  /** A course with one written lesson, published; its title starts with `name`. */
  const published = async (name: string, fields: Record<string, unknown>, publish = true) => {
    const course = await createCourse(t, trainer, lc, {
      title: `${name} ${marker}`,
      summary: `${name} for the filters test.`,
      ...fields,
    });
    const module = await addModule(t, trainer, course.id, course.revision, 'Only module', ['Only lesson']);
    const lessonPath = `/api/studio/lessons/${module.activityIds[0]}`;
    const lesson = await call(t, trainer, 'get', lessonPath);
    const written = await call(t, trainer, 'put', lessonPath).send({
      revision: lesson.body.revision,
      document: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi.' }] }] },
    });
    expect(written.status).toBe(200);
    if (!publish) return course;
    const res = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/publish`).send({
      revision: module.revision,
      changeLog: 'First version',
    });
    expect(res.status).toBe(200);
    return course;
  };

  const list = (query: Record<string, string | string[]>) =>
    t.http.get('/api/courses').query({ query: marker, ...query });
  const titles = (body: { items: Listed[] }) =>
    body.items.map((item) => item.title.replace(` ${marker}`, ''));

  beforeAll(async () => {
    ({ t, lc, trainer } = await seededApp());
    await published('Alpha', { language: 'en', estimatedHours: 3, topics: [topicA, shared] });
    await published('Bravo', { language: 'es', estimatedHours: 12, topics: [topicB, shared] });
    await published('Charlie', { language: 'fr', estimatedHours: 30, topics: [topicA] });
    await published('Delta', { language: 'en', topics: [] });
    // Boundaries: exactly 5 and exactly 20 hours are both "5 to 20".
    await published('Echo', { language: 'en', estimatedHours: 5, topics: [] });
    await published('Foxtrot', { language: 'en', estimatedHours: 20, topics: [] });
    // A draft with a topic of ours: in no list and no count.
    await published('Golf', { language: 'fr', estimatedHours: 1, topics: [topicA] }, false);
  }, 120_000);
  afterAll(() => t.close());

  it('lists every published course of the search without filters', async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot']);
  });

  it('filters by one topic, or by any of several, matched exactly as the facets spell them', async () => {
    // No search: the topic alone finds them, because only this file uses it.
    const one = await t.http.get('/api/courses').query({ topic: topicA });
    expect(one.status).toBe(200);
    expect(titles(one.body)).toEqual(['Alpha', 'Charlie']);
    expect(one.body.total).toBe(2);

    const several = await t.http.get('/api/courses').query({ topic: [topicB, topicA] });
    expect(titles(several.body)).toEqual(['Alpha', 'Bravo', 'Charlie']);

    expect((await t.http.get('/api/courses').query({ topic: topicA.toUpperCase() })).body.total).toBe(0);
  });

  it('filters by one language, or by any of several', async () => {
    expect(titles((await list({ language: 'es' })).body)).toEqual(['Bravo']);
    expect(titles((await list({ language: ['en', 'fr'] })).body)).toEqual([
      'Alpha',
      'Charlie',
      'Delta',
      'Echo',
      'Foxtrot',
    ]);
  });

  it('filters by length band, 5 and 20 hours inclusive in the middle band, no estimate in none', async () => {
    expect(titles((await list({ length: 'under-5' })).body)).toEqual(['Alpha']);
    expect(titles((await list({ length: '5-to-20' })).body)).toEqual(['Bravo', 'Echo', 'Foxtrot']);
    expect(titles((await list({ length: 'over-20' })).body)).toEqual(['Charlie']);
  });

  it('combines the filters with each other, with the search and with paging', async () => {
    expect(titles((await list({ topic: shared, language: 'es' })).body)).toEqual(['Bravo']);
    expect(titles((await list({ topic: topicA, length: 'over-20' })).body)).toEqual(['Charlie']);
    expect((await list({ topic: topicB, language: 'en' })).body).toMatchObject({ total: 0, items: [] });
    // The search finds a topic's words; the filter narrows those.
    const searched = await t.http
      .get('/api/courses')
      .query({ query: `${marker} governance`, language: 'fr' });
    expect(titles(searched.body)).toEqual(['Charlie']);

    const second = await list({ language: 'en', page: '2', pageSize: '2' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(titles(second.body)).toEqual(['Echo', 'Foxtrot']);
    // Past the last page the total still counts the filtered list.
    const past = await list({ language: 'en', page: '9', pageSize: '2' });
    expect(past.body).toMatchObject({ total: 4, items: [] });
  });

  it('offers the facets to anyone: topics with course counts, languages present, every length band', async () => {
    const res = await t.http.get('/api/courses/facets');
    expect(res.status).toBe(200);
    const { total, topics, languages, lengths } = res.body as {
      total: number;
      topics: { value: string; count: number }[];
      languages: { value: string; count: number }[];
      lengths: { value: string; count: number }[];
    };
    // The draft's topic is not counted; a topic counts courses, alphabetically.
    expect(topics.filter((topic) => topic.value.startsWith(marker))).toEqual([
      { value: topicB, count: 1 },
      { value: topicA, count: 2 },
      { value: shared, count: 2 },
    ]);
    const sorted = [...topics].sort((a, b) => (a.value.toLowerCase() < b.value.toLowerCase() ? -1 : 1));
    expect(topics.map((topic) => topic.value.toLowerCase())).toEqual(
      sorted.map((topic) => topic.value.toLowerCase()),
    );
    expect(languages.map((language) => language.value)).toEqual(expect.arrayContaining(['en', 'es', 'fr']));
    expect(languages.reduce((sum, language) => sum + language.count, 0)).toBe(total);
    expect(lengths.map((band) => band.value)).toEqual(['under-5', '5-to-20', 'over-20']);
    expect(lengths.find((band) => band.value === '5-to-20')!.count).toBeGreaterThanOrEqual(3);
    expect(lengths.find((band) => band.value === 'over-20')!.count).toBeGreaterThanOrEqual(1);
    // Courses without an estimate (Delta) are in the total but in no band.
    expect(lengths.reduce((sum, band) => sum + band.count, 0)).toBeLessThan(total);
  });

  it('answers a bad filter value with a 400 problem naming the parameter', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ language: 'de' }, 'language'],
      [{ language: ['en', 'klingon'] }, 'language'],
      [{ length: 'short' }, 'length'],
      [{ length: ['under-5', 'over-20'] }, 'length'],
      [{ topic: 'x'.repeat(101) }, 'topic'],
      [{ topic: '' }, 'topic'],
      [{ topic: Array.from({ length: 21 }, (_, i) => `topic ${i}`) }, 'topic'],
      [{ topics: 'governance' }, 'topics'],
    ];
    for (const [query, field] of cases) {
      const res = await t.http.get('/api/courses').query(query);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('urn:archipelago:problem:validation-failed');
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field, in: 'query' }));
    }
  });

  it('keeps "facets" free of courses: no course may take it as its address', async () => {
    const res = await call(t, trainer, 'post', '/api/studio/courses').send({
      slug: 'facets',
      title: 'A course called facets',
      language: 'en',
      institutionId: lc,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'slug' }));
  });
});

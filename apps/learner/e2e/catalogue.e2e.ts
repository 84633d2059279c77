import { beforeAll, describe, expect, it } from '@jest/globals';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi, type ApiSession } from './api-helpers';

const TRAINER = { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' };
const TITLE = 'Changing Mindsets in Public Institutions';
const INNOVATION = 'Innovation and Digital Government for Public Service Delivery';
/** A French course made for the filter test: the seeded courses are both in English. */
const FRENCH = 'Gouvernement ouvert et participation';

interface StudioCourse {
  id: string;
  slug: string;
  title: string;
  status: string;
  revision: number;
  institutionId: string;
}

/** Publishes the seeded course with this title unless it already is; returns it. */
async function publishSeeded(trainer: ApiSession, title: string): Promise<StudioCourse> {
  const list = await trainer.get<{ items: StudioCourse[] }>(
    `/api/studio/courses?query=${encodeURIComponent(title.split(' ').slice(0, 2).join(' '))}`,
  );
  const course = list.items.find((item) => item.title === title);
  if (!course) throw new Error(`The seeded course "${title}" is missing`);
  if (course.status !== 'published') {
    await trainer.post(`/api/studio/courses/${course.id}/publish`, {
      revision: course.revision,
      changeLog: 'First edition',
    });
  }
  return course;
}

/** A short French course of 30 hours on open government, with one written lesson, published. */
async function publishFrenchCourse(trainer: ApiSession, institutionId: string): Promise<void> {
  const course = await trainer.post<StudioCourse>('/api/studio/courses', {
    slug: `gouvernement-ouvert-${Date.now().toString(36)}`,
    title: FRENCH,
    summary: 'Ouvrir les données et associer les citoyens aux décisions publiques.',
    language: 'fr',
    institutionId,
    estimatedHours: 30,
    topics: ['open government'],
  });
  const module = await trainer.post<{ id: string; course: { revision: number } }>(
    `/api/studio/courses/${course.id}/modules`,
    { revision: course.revision, title: 'Premiers pas' },
  );
  const lesson = await trainer.post<{ id: string; course: { revision: number } }>(
    `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
    { revision: module.course.revision, kind: 'lesson', title: 'Pourquoi ouvrir ?' },
  );
  const content = await trainer.get<{ revision: number }>(`/api/studio/lessons/${lesson.id}`);
  await trainer.put(`/api/studio/lessons/${lesson.id}`, {
    revision: content.revision,
    document: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour.' }] }],
    },
  });
  await trainer.post(`/api/studio/courses/${course.id}/publish`, {
    revision: lesson.course.revision,
    changeLog: 'Première édition',
  });
}

interface PublishedCourse {
  outcomes: string[];
  modules: { title: string; activities: { title: string }[] }[];
}

describe('course catalogue', () => {
  const suite = browserSuite();
  let slug = '';
  let published: PublishedCourse;

  // A trainer publishes the seeded drafts and a French course through the API, as the Studio would,
  // so there are courses to find and to filter: English ones of 4 and 11 hours, a French one of 30.
  beforeAll(async () => {
    const { system } = suite;
    const trainer = await signInToApi(system.baseUrl, TRAINER.email, TRAINER.password);
    const course = await publishSeeded(trainer, TITLE);
    await publishSeeded(trainer, INNOVATION);
    await publishFrenchCourse(trainer, course.institutionId);
    slug = course.slug;
    const answer = await fetch(`${system.baseUrl}/api/courses/${slug}`);
    published = (await answer.json()) as PublishedCourse;
  });

  it('leads from the home page to the list of published courses', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/`);
    await page.getByRole('link', { name: 'Browse the courses' }).click();
    await page.waitForURL(`${system.baseUrl}/courses`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await visit(page, page.url());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Courses');
    await expect(
      page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Courses' })
        .count(),
    ).resolves.toBe(1);
  });

  it('narrows the list with a search kept in the address', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/courses`);
    await page.getByLabel('Search the courses').fill('mindsets');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${system.baseUrl}/courses?query=mindsets`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await visit(page, page.url());
    await expect(page.getByLabel('Search the courses').inputValue()).resolves.toBe('mindsets');

    await page.getByLabel('Search the courses').fill('no course is called this');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No course matches your search.', { exact: false }).waitFor();
    await expect(page.getByRole('link', { name: TITLE }).count()).resolves.toBe(0);
    await visit(page, page.url());
  });

  it('filters by language, topic and length with the keyboard, in the address, with Back and Forward', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/courses`);
    await page.getByText('Courses published: 3').waitFor();
    const panel = page.locator('details').filter({ hasText: 'Filter the courses' });
    await expect(panel.evaluate((details: HTMLDetailsElement) => details.open)).resolves.toBe(true);

    // Language: tick French with the space bar; only the French course is left, and the count is
    // in the polite status region.
    const french = page.getByRole('checkbox', { name: 'French (1)' });
    await french.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(`${system.baseUrl}/courses?language=fr`);
    await page.getByRole('status').filter({ hasText: 'Courses matching your filters: 1' }).waitFor();
    await page.getByRole('link', { name: FRENCH }).waitFor();
    await expect(page.getByRole('link', { name: TITLE }).count()).resolves.toBe(0);
    await expect(french.evaluate((box) => document.activeElement === box)).resolves.toBe(true);
    await visit(page, page.url());
    await expect(page.getByRole('checkbox', { name: 'French (1)' }).isChecked()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'French (1)' }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(`${system.baseUrl}/courses`);
    await page.getByText('Courses published: 3').waitFor();

    // Topic, then a length band chosen with the arrow keys among the radio buttons.
    await page.getByRole('checkbox', { name: 'leadership (1)' }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(`${system.baseUrl}/courses?topic=leadership`);
    // The address changes before the results do: wait for the new count, not a title both lists hold.
    await page.getByRole('status').filter({ hasText: 'Courses matching your filters: 1' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expect(page.getByRole('link', { name: INNOVATION }).count()).resolves.toBe(0);
    const lengths = page.getByRole('group', { name: 'Estimated time' });
    await lengths.getByRole('radio', { name: 'Any length' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(`${system.baseUrl}/courses?topic=leadership&length=under-5`);
    await page.getByRole('status').filter({ hasText: 'Courses matching your filters: 1' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(`${system.baseUrl}/courses?topic=leadership&length=5-to-20`);
    await page.getByText('No course matches these filters.', { exact: false }).waitFor();
    await expect(page.getByText('Filters in use: 2').count()).resolves.toBe(1);
    await visit(page, page.url());

    // Back returns to the previous filters, Forward to the later ones.
    await page.goBack();
    await page.waitForURL(`${system.baseUrl}/courses?topic=leadership&length=under-5`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expect(lengths.getByRole('radio', { name: /^Under 5 hours/ }).isChecked()).resolves.toBe(true);
    await page.goForward();
    await page.waitForURL(`${system.baseUrl}/courses?topic=leadership&length=5-to-20`);
    await expect(lengths.getByRole('radio', { name: /^5 to 20 hours/ }).isChecked()).resolves.toBe(true);

    // Clearing keeps the search, removes every filter and puts focus back on the panel's summary.
    await page.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${system.baseUrl}/courses`);
    await page.getByText('Courses published: 3').waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '')).resolves.toBe(
      'summary',
    );
    await expect(page.getByRole('button', { name: 'Clear filters' }).count()).resolves.toBe(0);
  });

  it('combines a search with the filters and keeps the filters when searching again', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/courses?length=5-to-20`);
    await page.getByRole('link', { name: INNOVATION }).waitFor();
    await page.getByLabel('Search the courses').fill('government');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${system.baseUrl}/courses?query=government&length=5-to-20`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Courses matching “government” and your filters: 1' })
      .waitFor();
    await expect(page.getByRole('link', { name: FRENCH }).count()).resolves.toBe(0);
    await visit(page, page.url());
  });

  it('shows a course with its outcomes, outline and the way to enrol', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/courses`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`${system.baseUrl}/courses/${slug}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await visit(page, page.url());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    await page.getByRole('heading', { name: 'What you will learn' }).waitFor();
    await page.getByText(published.outcomes[0]!, { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Course outline' }).waitFor();
    const firstModule = published.modules[0]!;
    await page.getByRole('heading', { name: firstModule.title, exact: true }).waitFor();
    await page.getByText(firstModule.activities[0]!.title, { exact: true }).first().waitFor();
    // Signed out, the way in is to sign in first (enrolling is tested in learning.e2e.ts).
    await page.getByRole('link', { name: 'Sign in to enrol' }).waitFor();
  });

  it('offers a retry when the list cannot load, and says so when nothing is published', async () => {
    const { page, system } = suite;
    let failNext = true;
    await page.route('**/api/courses?*', async (route) => {
      if (failNext) return route.abort('connectionreset');
      return route.fulfill({ json: { items: [], page: 1, pageSize: 10, total: 0 } });
    });
    await visit(page, `${system.baseUrl}/courses`);
    await page.getByRole('heading', { name: 'The courses could not be loaded' }).waitFor();
    failNext = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('No courses are published yet.', { exact: false }).waitFor();
    await visit(page, page.url());
  });

  it('answers an unknown course with the not-found page', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/courses/no-such-course`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
  });
});

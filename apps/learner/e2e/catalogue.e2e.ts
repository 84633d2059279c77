import { beforeAll, describe, expect, it } from '@jest/globals';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi } from './api-helpers';

const TRAINER = { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' };
const TITLE = 'Changing Mindsets in Public Institutions';

interface StudioCourse {
  id: string;
  slug: string;
  title: string;
  status: string;
  revision: number;
}

interface PublishedCourse {
  outcomes: string[];
  modules: { title: string; activities: { title: string }[] }[];
}

describe('course catalogue', () => {
  const suite = browserSuite();
  let slug = '';
  let published: PublishedCourse;

  // A trainer publishes the seeded draft through the API, as the Studio would, so there is a course to find.
  beforeAll(async () => {
    const { system } = suite;
    const trainer = await signInToApi(system.baseUrl, TRAINER.email, TRAINER.password);
    const list = await trainer.get<{ items: StudioCourse[] }>(
      `/api/studio/courses?query=${encodeURIComponent('Changing Mindsets')}`,
    );
    const course = list.items.find((item) => item.title === TITLE);
    if (!course) throw new Error(`The seeded course "${TITLE}" is missing`);
    if (course.status !== 'published') {
      await trainer.post(`/api/studio/courses/${course.id}/publish`, {
        revision: course.revision,
        changeLog: 'First edition',
      });
    }
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

  it('shows a course with its outcomes, outline and an honest word on enrolment', async () => {
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
    await page.getByText('Enrolment for this course is not open on this platform yet.').waitFor();
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

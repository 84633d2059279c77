import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, signUpToApi, visit, type ApiSession } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { complete, publishedCourse, type CertificateCourse } from './certificate-fixtures';
import { addLessonViaApi, addModuleViaApi, asPageOk, saveLessonViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/*
 * Journey 6: regional staff read completions by country, split by sex, with small groups hidden.
 * Learners sign up, say (or not) their country and sex, enrol and some complete, all through the
 * API as they would themselves. The numbers are chosen so that Guyana × male is 3 people.
 */

const PASSWORD = 'the ferry to Bequia leaves at seven';
const CENTRE = 'Saint Lucia Public Service Training Centre (demo)';
const GUYANA_DIVISION = 'Guyana Public Service Training Division (demo)';

type Sex = 'female' | 'male';

interface Profile {
  country: 'LC' | 'GY';
  /** Undefined: the learner never gave consent, so says nothing. */
  sex?: Sex;
}

let nextLearner = 0;

/** A new learner, signed up and signed in, with a country and (when given) consented reporting details. */
async function learnerWith(baseUrl: string, profile: Profile): Promise<ApiSession> {
  nextLearner += 1;
  const session = await signUpToApi(baseUrl, {
    email: `reported-${randomBytes(4).toString('hex')}@example.gov`,
    password: PASSWORD,
    displayName: `Learner ${nextLearner}`,
  });
  await session.patch('/api/me/profile', { country: profile.country });
  if (profile.sex) await session.put('/api/me/reporting-profile', { consent: true, sex: profile.sex });
  return session;
}

/** `count` learners with this profile enrolled in the course; `completing` of them complete it. */
async function enrolled(
  baseUrl: string,
  course: CertificateCourse,
  profile: Profile,
  count: number,
  completing = 0,
) {
  for (let i = 0; i < count; i++) {
    const learner = await learnerWith(baseUrl, profile);
    await learner.post(`/api/courses/${course.slug}/enrolment`, {});
    if (i < completing) await complete(learner, course);
  }
}

/** A published course of the Guyana division, made by the platform admin signed in on `page`. */
async function guyanaCourse(page: Page): Promise<CertificateCourse> {
  const institutions = await asPageOk<{ items: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/institutions?country=GY',
  );
  const division = institutions.items.find((institution) => institution.name === GUYANA_DIVISION);
  if (!division) throw new Error('no Guyana division in the demo data');
  const suffix = randomBytes(3).toString('hex');
  const title = `Records management ${suffix}`;
  const slug = `records-${suffix}`;
  const course = await asPageOk<{ id: string; revision: number }>(page, 'POST', '/api/studio/courses', {
    institutionId: division.id,
    language: 'en',
    enrolmentMode: 'open',
    title,
    slug,
    summary: 'Keeping public records findable.',
  });
  const module = await addModuleViaApi(page, course.id, 'Basics', course.revision);
  const lesson = await addLessonViaApi(page, course.id, module.id, 'Why', module.course.revision);
  await saveLessonViaApi(page, lesson.id, [
    { type: 'paragraph', content: [{ type: 'text', text: 'Because.' }] },
  ]);
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${course.id}`);
  await asPageOk(page, 'POST', `/api/studio/courses/${course.id}/publish`, {
    revision: current.revision,
    changeLog: 'First version',
  });
  return { id: course.id, slug, title, lessonId: lesson.id };
}

interface Seeded {
  centreCourse: CertificateCourse;
}

/**
 * The centre's course: Saint Lucia 5 women (all complete), 5 men and 5 who did not say; Guyana 5
 * women and 3 men. The Guyana division's course: 5 learners, which the centre's admin must not see.
 * Seeded before any report is asked for, since the first report takes the figures.
 */
async function seed(page: Page, baseUrl: string): Promise<Seeded> {
  await signInToStudio(page, baseUrl, DEMO.platformAdmin);
  const centreCourse = await publishedCourse(page, 'Service design');
  const otherCourse = await guyanaCourse(page);
  await enrolled(baseUrl, centreCourse, { country: 'LC', sex: 'female' }, 5, 5);
  await enrolled(baseUrl, centreCourse, { country: 'LC', sex: 'male' }, 5);
  await enrolled(baseUrl, centreCourse, { country: 'LC' }, 5);
  await enrolled(baseUrl, centreCourse, { country: 'GY', sex: 'female' }, 5);
  await enrolled(baseUrl, centreCourse, { country: 'GY', sex: 'male' }, 3);
  await enrolled(baseUrl, otherCourse, { country: 'GY', sex: 'female' }, 5);
  return { centreCourse };
}

/** The texts of a table row's data cells, found by its row header. */
async function rowTexts(page: Page, tableName: string, rowName: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: tableName })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) });
  await row.waitFor();
  return row.getByRole('cell').allInnerTexts();
}

describe('studio: reports, disaggregated with small groups suppressed (journey 6)', () => {
  const suite = browserSuite();
  let seeded: Promise<Seeded> | undefined;
  const seedOnce = async () => {
    const page = await suite.anotherPage();
    seeded ??= seed(page, suite.system.baseUrl);
    return seeded;
  };

  it('breaks enrolments down by country and sex, hides the group of 3 everywhere, and exports it as suppressed', async () => {
    const { page, system } = suite;
    const { centreCourse } = await seedOnce();
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByText(/^Data as of /).waitFor();
    await page.getByText('fewer than 5 people: hidden to protect privacy', { exact: false }).waitFor();
    await checkAccessibility(page);

    // Only the centre's course, by country, split by sex, charting enrolments.
    await page.getByLabel('Course').selectOption({ label: centreCourse.title });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/courseId=/);
    // The filters are redrawn from the address: focus stays on their button, not at the top of the page.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Apply filters');
    await page.getByLabel('Break down by').selectOption('country');
    await page.getByLabel('Split each group by').selectOption('sex');
    await page.getByLabel('Measure in the chart').selectOption('enrolments');
    await page.getByRole('button', { name: 'Show breakdown' }).click();
    await page.waitForURL(/disaggregate=sex/);
    // Focus stays on the button, and screen readers hear that the figures are there.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Show breakdown');
    await page
      .locator('[aria-live="polite"]')
      .filter({ hasText: 'The breakdown is shown below the form.' })
      .waitFor({ state: 'attached' });

    // The headline figures count everyone: 23 enrolments, 5 completions.
    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(summary.getByRole('definition').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['23', '5']),
    );

    // The chart says in words what it shows and that figures are hidden; its table is behind a disclosure.
    const chart = page.getByRole('img', {
      name: /^Bar chart: Enrolments by country, split by sex, 2 groups\./,
    });
    await chart.waitFor();
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/figures suppressed to protect privacy/);
    // On the bars themselves a hidden figure is the word, never a number: no bar says 3.
    const barTexts = await chart.locator('text').allTextContents();
    expect(barTexts).toContain('Suppressed');
    expect(barTexts).not.toContain('3');
    await page.getByText('Show the chart’s figures as a table').click();
    const chartTable = 'Table: Enrolments by country, split by sex';
    await page.getByRole('table', { name: chartTable }).waitFor();
    await checkAccessibility(page);

    // Columns: each sex, "Not stated" as a group of its own, and the total.
    const headers = await page
      .getByRole('table', { name: chartTable })
      .getByRole('columnheader')
      .allInnerTexts();
    expect(headers).toEqual(['Country', 'Female', 'Male', 'Another', 'Not stated', 'Total']);
    // Country names are the browser's own (CLDR): "St. Lucia".
    const saintLucia = await rowTexts(page, chartTable, 'St. Lucia');
    expect(saintLucia[3]).toBe('5'); // not stated
    expect(saintLucia[4]).toBe('15');

    // Guyana × male (3 people) reads "Suppressed", and nothing in Guyana's row gives the 3 away:
    // another of its figures is hidden too, so it cannot be worked out from the total.
    const guyana = await rowTexts(page, chartTable, 'Guyana');
    expect(guyana[1]).toBe('Suppressed');
    expect(guyana).not.toContain('3');
    expect(guyana.filter((text) => text === 'Suppressed').length).toBeGreaterThanOrEqual(2);
    const guyanaMen = await rowTexts(page, 'All figures by country, split by sex', 'Guyana: Male');
    expect(guyanaMen).toEqual(Array(5).fill('Suppressed'));
    const everything = await page.locator('main').innerText();
    expect(everything).not.toMatch(/Guyana: Male\s+\d/);

    // The CSV of this breakdown: the same cell reads "suppressed".
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV of this breakdown' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split(/\r\n/);
    expect(lines[0]).toBe(
      'Country,Sex,Enrolments,Active learners,Completions,Pass rate (%),Average days to complete',
    );
    expect(lines).toContain('Guyana,Male,suppressed,suppressed,suppressed,suppressed,suppressed');
    expect(lines.find((line) => line.startsWith('St. Lucia,Not stated,'))).toMatch(
      /^St\. Lucia,Not stated,5,/,
    );
  });

  it('offers an institution admin only their own institution', async () => {
    const { page, system } = suite;
    await seedOnce();
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();

    const options = await page.getByLabel('Institution').getByRole('option').allInnerTexts();
    expect(options).toEqual(['All my institutions', CENTRE]);

    await page.getByLabel('Break down by').selectOption('institution');
    await page.getByLabel('Split each group by').selectOption('none');
    await page.getByRole('button', { name: 'Show breakdown' }).click();
    await page.waitForURL(/by=institution/);
    const table = page.getByRole('table', { name: 'All figures by institution' });
    await table.getByRole('rowheader', { name: CENTRE }).waitFor();
    await expect(table.getByRole('rowheader').allInnerTexts()).resolves.toEqual([CENTRE, 'All']);
    await expect(page.locator('main').innerText()).resolves.not.toContain(GUYANA_DIVISION);
    await checkAccessibility(page);

    // A period given the wrong way round is explained once, in the page's words.
    await visit(page, `${system.baseUrl}/studio/reports?from=2026-06&to=2026-01`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'The period ends before it starts' })
      .getByText('“From month” (June 2026) is after “To month” (January 2026).', { exact: false })
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('alert').count()).resolves.toBe(1);
    await expect(page.locator('main').innerText()).resolves.not.toContain('from must');
  });
});

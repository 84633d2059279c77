import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, signInToApi, visit, type ApiSession } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import {
  addLessonViaApi,
  addModuleViaApi,
  asPageOk,
  createCourseViaApi,
  saintLuciaCentreId,
  saveLessonViaApi,
} from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/*
 * The cohort progress dashboard as a demo institution admin uses it: who has not started, in
 * which order, a reminder previewed and sent by keyboard, and the CSV of the filtered list.
 */

const PASSWORD = 'the Pitons at sunrise from Soufrière bay';

interface Course {
  id: string;
  slug: string;
  title: string;
  moduleId: string;
  lessonIds: [string, string];
}

/** A published course of the demo centre: one module with two required lessons. */
async function publishedCourse(page: Page): Promise<Course> {
  const suffix = randomBytes(3).toString('hex');
  const title = `Records management ${suffix}`;
  const course = await createCourseViaApi(page, {
    title,
    slug: `records-${suffix}`,
    summary: 'Keeping public records.',
  });
  const module = await addModuleViaApi(page, course.id, 'Basics', course.revision);
  const first = await addLessonViaApi(page, course.id, module.id, 'Why records', module.course.revision);
  const second = await addLessonViaApi(page, course.id, module.id, 'How to file', first.course.revision);
  for (const lesson of [first, second]) {
    const saved = await saveLessonViaApi(page, lesson.id, [
      { type: 'paragraph', content: [{ type: 'text', text: 'Records outlive us.' }] },
    ]);
    if (saved !== 200) throw new Error(`saving a lesson answered ${saved}`);
  }
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${course.id}`);
  await asPageOk(page, 'POST', `/api/studio/courses/${course.id}/publish`, {
    revision: current.revision,
    changeLog: 'First version',
  });
  return {
    id: course.id,
    slug: `records-${suffix}`,
    title,
    moduleId: module.id,
    lessonIds: [first.id, second.id],
  };
}

let nextAddress = 0;

/** Someone who signed up on their own, then was added to the cohort (which enrols them). */
async function member(
  baseUrl: string,
  page: Page,
  cohortId: string,
  name: string,
): Promise<ApiSession & { name: string; email: string }> {
  const email = `${name.split(' ')[0]!.toLowerCase()}-${randomBytes(3).toString('hex')}@example.gov`;
  nextAddress += 1;
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${150 + nextAddress}` },
    body: JSON.stringify({ email, password: PASSWORD, displayName: name, preferredLanguage: 'en' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const added = await asPageOk<{ outcome: string }>(page, 'POST', `/api/studio/cohorts/${cohortId}/members`, {
    email,
  });
  if (added.outcome !== 'enrolled') throw new Error(`adding ${name} answered ${added.outcome}`);
  return Object.assign(await signInToApi(baseUrl, email, PASSWORD), { name, email });
}

async function completeLesson(learner: ApiSession, course: Course, lessonId: string) {
  await learner.put(`/api/me/learning/${course.slug}/activities/${lessonId}/progress`, {
    at: new Date().toISOString(),
    completed: true,
  });
}

/** A day relative to today, as the cohort's dates are written. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('studio: a cohort’s progress dashboard', () => {
  const suite = browserSuite();

  async function cohortWithLearners() {
    const { page, system } = suite;
    const course = await publishedCourse(page);
    const cohort = await asPageOk<{ id: string; name: string; version: number }>(
      page,
      'POST',
      '/api/studio/cohorts',
      {
        institutionId: await saintLuciaCentreId(page),
        name: `Records intake ${randomBytes(3).toString('hex')}`,
        courseIds: [course.id],
        facilitatorIds: [],
      },
    );
    // Ana is under way, Carla has finished, Bruno and Dan have done nothing.
    const ana = await member(system.baseUrl, page, cohort.id, 'Ana Pérez');
    const bruno = await member(system.baseUrl, page, cohort.id, 'Bruno Baptiste');
    const carla = await member(system.baseUrl, page, cohort.id, 'Carla Joseph');
    const dan = await member(system.baseUrl, page, cohort.id, 'Dan Charles');
    await completeLesson(ana, course, course.lessonIds[0]);
    await completeLesson(carla, course, course.lessonIds[0]);
    await completeLesson(carla, course, course.lessonIds[1]);
    // The module was due yesterday: everyone who has not completed it is behind.
    await asPageOk(page, 'PATCH', `/api/studio/cohorts/${cohort.id}`, {
      version: cohort.version,
      deadlines: [{ courseId: course.id, moduleId: course.moduleId, dueOn: day(-1) }],
    });
    return { course, cohort, ana, bruno, carla, dan };
  }

  it('filters those who have not started, sorts them, reminds them by keyboard with a preview, and exports the CSV', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const { course, cohort, ana, bruno, dan } = await cohortWithLearners();

    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/progress`);
    await page.getByRole('heading', { level: 1, name: `Progress: ${cohort.name}` }).waitFor();
    const table = page.getByRole('table', { name: 'Learners of this cohort and their progress' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    // A row header reads the name, then the e-mail address.
    const rowHeaders = () => table.getByRole('rowheader').allTextContents();

    // Each learner's standing, in words and with its percentage.
    await row('Carla Joseph').getByText('Completed', { exact: true }).first().waitFor();
    await row('Carla Joseph').getByText('100%', { exact: true }).first().waitFor();
    await row('Ana Pérez').getByText('In progress', { exact: true }).waitFor();
    await row('Ana Pérez').getByText('50%', { exact: true }).first().waitFor();
    await row('Ana Pérez')
      .getByText(/^Behind: Module “Basics” of “Records management/)
      .waitFor();
    await expect(
      row('Carla Joseph')
        .getByText(/^Behind/)
        .count(),
    ).resolves.toBe(0);
    // Completing the course issued Carla's certificate, which anyone can verify.
    const verify = row('Carla Joseph').getByRole('link', {
      name: `Verify Carla Joseph’s certificate for ${course.title}`,
    });
    await expect(verify.getAttribute('href')).resolves.toMatch(/^\/verify\/[\w-]+$/);
    await row('Bruno Baptiste').getByText('No activity yet').waitFor();
    await expect(row('Ana Pérez').getByText('No activity yet').count()).resolves.toBe(0);

    // The summary's counts are also its filters.
    const summary = page.getByRole('region', { name: 'At a glance' });
    await summary.getByRole('link', { name: '4 Members' }).waitFor();
    await summary.getByRole('link', { name: '2 Not started' }).click();
    await page.waitForURL(/status=not_started/);
    await expect(
      summary.getByRole('link', { name: '2 Not started' }).getAttribute('aria-current'),
    ).resolves.toBe('true');
    await row('Bruno Baptiste').waitFor();
    await row('Ana Pérez').waitFor({ state: 'detached' });
    const listed = await rowHeaders();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(/^Bruno Baptiste/);
    expect(listed[1]).toMatch(/^Dan Charles/);
    await checkAccessibility(page);

    // Sorting keeps the filter.
    await page.getByLabel('Sort by').selectOption({ label: 'Name, Z to A' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/sort=-name/);
    await expect(page.url()).toMatch(/status=not_started/);
    await page.waitForFunction(() => {
      const headers = [...document.querySelectorAll('tbody th')].map((th) => th.textContent ?? '');
      return headers.length === 2 && headers[0]!.startsWith('Dan Charles');
    });

    // Rows are chosen with the keyboard.
    await row('Dan Charles').getByRole('checkbox', { name: 'Select Dan Charles' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('1 learner selected').waitFor();

    // The reminder dialog, by keyboard only: the ticked learner is offered first; choose those not started.
    await page.getByRole('button', { name: 'Send a reminder' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Send a reminder' });
    await dialog.waitFor();
    const selected = dialog.getByRole('radio', { name: 'The learners selected in the table (1)' });
    await expect(selected.isChecked()).resolves.toBe(true);
    await selected.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(
      dialog.getByRole('radio', { name: 'Learners who have not started (2)' }).isChecked(),
    ).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('The first module closes this Friday.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await preview.getByText('This reminder will go to 2 learners:').waitFor();
    await preview.getByText(bruno.email).waitFor();
    await preview.getByText(dan.email).waitFor();
    await expect(preview.getByText(ana.email).count()).resolves.toBe(0);
    await preview.getByText(/The first module closes this Friday\./).waitFor();
    const subject = (await preview.locator('h4 + p').first().textContent())!.trim();
    expect(subject).not.toBe('');
    await checkAccessibility(page);
    await dialog.getByRole('button', { name: 'Send to 2 learners' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // Said once to screen readers, and kept on the page.
    await page.getByRole('main').getByText('The reminder was sent to 2 learners.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Send a reminder');

    // A second reminder the same day leaves out those just reminded, and says so before sending.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Learners who have not started (2)' }).check();
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await preview
      .getByText('2 learners of this group were reminded in the last 24 hours and are left out.')
      .waitFor();
    await checkAccessibility(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // One e-mail per recipient in the outbox, none for the others.
    const admin = await signInToApi(system.baseUrl, DEMO.platformAdmin.email, DEMO.platformAdmin.password);
    const reminders = async (email: string) =>
      (
        await admin.get<{ items: { subject: string }[] }>(
          `/api/outbox?recipient=${encodeURIComponent(email)}`,
        )
      ).items.filter((mail) => mail.subject === subject);
    // Mail leaves after the sending transaction commits: give the outbox a moment.
    for (let attempt = 0; attempt < 50 && (await reminders(dan.email)).length === 0; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(reminders(bruno.email)).resolves.toHaveLength(1);
    await expect(reminders(dan.email)).resolves.toHaveLength(1);
    await expect(reminders(ana.email)).resolves.toHaveLength(0);

    // The CSV holds the filtered list.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Name,E-mail,Status,/);
    expect(lines[0]).toContain(`${course.title}: progress (%)`);
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes(dan.email))).toMatch(/^Dan Charles,dan-[^,]+,Not started,/);
    expect(csv).not.toContain(ana.email);
  });

  it('shows a closed cohort read-only, and hides it from a trainer who does not facilitate it', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const { cohort } = await cohortWithLearners();
    // Closed by someone else while a reminder is being written: the dialog says so in its own words.
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/progress`);
    await page.getByRole('button', { name: 'Send a reminder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a reminder' });
    await asPageOk(page, 'POST', `/api/studio/cohorts/${cohort.id}/close`, {});
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await dialog
      .getByRole('alert')
      .getByText('The cohort has been closed meanwhile, so no reminder can be sent.', { exact: false })
      .waitFor();

    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/progress`);
    await page.getByRole('heading', { name: 'This cohort is closed' }).waitFor();
    const table = page.getByRole('table', { name: 'Learners of this cohort and their progress' });
    await table.getByRole('rowheader', { name: /^Carla Joseph/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Send a reminder' }).count()).resolves.toBe(0);
    await expect(table.getByRole('checkbox').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();

    const trainer = await suite.anotherPage();
    await signInToStudio(trainer, system.baseUrl, DEMO.trainer);
    await visit(trainer, `${system.baseUrl}/studio/cohorts/${cohort.id}/progress`);
    const refusal = trainer.getByRole('alert').filter({ hasText: 'The cohort could not be loaded' });
    await refusal.getByText('We could not find this.', { exact: false }).waitFor();
    await expect(trainer.getByRole('table').count()).resolves.toBe(0);
  });
});

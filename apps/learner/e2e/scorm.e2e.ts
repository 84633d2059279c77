import { beforeAll, describe, expect, it } from '@jest/globals';
import type { FrameLocator, Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi, type ApiSession } from './api-helpers';
import { newLearner, PASSWORD, TRAINER } from './learning-fixtures';
import {
  publishScormCourse,
  SCO12_STEPS,
  SCO12_TITLE,
  SCO2004_TITLES,
  scorm12StepsZip,
  scorm12Zip,
  scorm2004Zip,
  type ScormCourse,
} from './scorm-fixtures';

async function signIn(page: Page, email: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Presses a button of the player from the keyboard, as a learner without a mouse would. */
async function press(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' }).first();
  await button.focus();
  await button.press('Enter');
}

/** The SCO on screen, found by the frame's title (the SCO's title in the package). */
const sco = (page: Page, title: string): FrameLocator => page.frameLocator(`iframe[title="${title}"]`);

/** What the SCO shows it got from the LMS, once it has initialized. */
async function scoShows(frame: FrameLocator, entry: string, location = '', suspend = '') {
  await frame.locator('body[data-ready]').waitFor({ timeout: 15_000 });
  await expect(frame.locator('#entry').textContent()).resolves.toBe(entry);
  await expect(frame.locator('#location').textContent()).resolves.toBe(location);
  await expect(frame.locator('#suspend').textContent()).resolves.toBe(suspend);
}

/** The focused element's tag and text: where a keyboard or screen-reader user now is. */
const focusedHeading = (page: Page) =>
  page.evaluate(() => `${document.activeElement?.tagName}: ${document.activeElement?.textContent ?? ''}`);

interface PlayerBody {
  resumeScoId: string | null;
  activityStatus: string;
}

/** Reads the player view as the learner in the page (their cookie) until `test` holds. */
async function playerUntil(page: Page, course: ScormCourse, test: (body: PlayerBody) => boolean) {
  const url = `/api/me/learning/${course.slug}/scorm/${course.activityId}`;
  for (let tries = 0; tries < 100; tries += 1) {
    const body = (await page.evaluate(
      async (path) => (await fetch(path, { credentials: 'same-origin' })).json(),
      url,
    )) as PlayerBody;
    if (test(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The player view never matched at ${url}`);
}

async function enrolAndOpen(page: Page, baseUrl: string, course: ScormCourse, name: string) {
  const email = await newLearner(baseUrl, name);
  const learner = await signInToApi(baseUrl, email, PASSWORD);
  await learner.post(`/api/courses/${course.slug}/enrolment`, {});
  const path = `/learn/${course.slug}/${course.activityId}`;
  await visit(page, `${baseUrl}/sign-in?next=${encodeURIComponent(path)}`);
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: course.activityTitle }).waitFor();
  return `${baseUrl}${path}`;
}

describe('SCORM player: launch, bookmark, leave, resume, complete', () => {
  const suite = browserSuite();
  let trainer: ApiSession;
  let course12: ScormCourse;
  let course2004: ScormCourse;
  let courseSteps: ScormCourse;

  beforeAll(async () => {
    const { baseUrl } = suite.system;
    trainer = await signInToApi(baseUrl, TRAINER.email, TRAINER.password);
    course12 = await publishScormCourse(baseUrl, trainer, TRAINER, {
      title: 'Harbour Operations',
      activityTitle: 'Harbour safety package',
      zip: scorm12Zip(),
    });
    course2004 = await publishScormCourse(baseUrl, trainer, TRAINER, {
      title: 'Harbour Seamanship',
      activityTitle: 'Seamanship package',
      zip: scorm2004Zip(),
    });
    courseSteps = await publishScormCourse(baseUrl, trainer, TRAINER, {
      title: 'Harbour Berthing',
      activityTitle: 'Berthing package',
      zip: scorm12StepsZip(),
    });
  });

  it('resumes a SCORM 1.2 SCO at its bookmark after the page was left, and completes it', async () => {
    const { page, system } = suite;
    const activityUrl = await enrolAndOpen(page, system.baseUrl, course12, 'Marisol Baptiste');

    // The contents and the way in, before anything is launched.
    const toc = page.getByRole('navigation', { name: 'Contents' });
    await expect(toc.textContent()).resolves.toContain(`${SCO12_TITLE} Not started`);
    await page.getByRole('heading', { level: 2, name: 'Ready to start' }).waitFor();
    await checkAccessibility(page);

    // Start: the SCO finds the API, starts afresh and saves a bookmark.
    await press(page, 'Start');
    const frame = sco(page, SCO12_TITLE);
    await scoShows(frame, 'ab-initio');
    // The Start button went away with its panel: focus is in the SCO, not back at the top.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('IFRAME');
    await expect(
      toc.getByRole('button', { name: new RegExp(SCO12_TITLE) }).getAttribute('aria-current'),
    ).resolves.toBe('step');
    await checkAccessibility(page);

    // Switching the language reloads the page's words, not the player: the SCO stays open.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Guardar y salir' }).waitFor();
    await expect(page.locator('iframe').count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 2, name: 'Hola de nuevo' }).count()).resolves.toBe(0);
    await scoShows(frame, 'ab-initio');
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('button', { name: 'Save and exit' }).waitFor();

    // Signed out behind the learner's back: the commit is refused, and the player says so.
    const cookies = await page.context().cookies();
    await page.context().clearCookies();
    await frame.getByRole('button', { name: 'Set bookmark' }).click();
    await frame.getByText('Bookmark not saved').waitFor();
    const unsaved = page.getByRole('status').filter({ hasText: 'Your latest progress could not be saved.' });
    await unsaved.waitFor();
    await checkAccessibility(page);
    // Signed in again: the next commit is stored and the warning goes.
    await page.context().addCookies(cookies);
    await frame.getByRole('button', { name: 'Set bookmark' }).click();
    await frame.getByText('Bookmark saved').waitFor();
    await unsaved.waitFor({ state: 'detached' });

    // The learner leaves the page with the SCO open: the player suspends it by beacon.
    await visit(page, `${system.baseUrl}/learn/${course12.slug}`);
    await playerUntil(page, course12, (body) => body.resumeScoId === 'item_1');

    // Back again: the way in says where they stopped, and the SCO resumes at the bookmark.
    await visit(page, activityUrl);
    await page.getByRole('heading', { level: 2, name: 'Welcome back' }).waitFor();
    await page.getByText(`You stopped in “${SCO12_TITLE}”.`).waitFor();
    await expect(toc.textContent()).resolves.toContain(`${SCO12_TITLE} In progress`);
    await checkAccessibility(page);
    await press(page, 'Resume where you left off');
    await scoShows(sco(page, SCO12_TITLE), 'resume', 'page-3', 'answers=1,2');

    // The SCO's own "leave" (exit=suspend, LMSFinish): the player says the place is saved.
    await sco(page, SCO12_TITLE).getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your place is saved' }).waitFor();
    await expect(focusedHeading(page)).resolves.toBe('H2: Your place is saved');
    await checkAccessibility(page);
    await press(page, 'Resume where you left off');
    await scoShows(sco(page, SCO12_TITLE), 'resume', 'page-3', 'answers=1,2');

    // Completing it ends the package: the activity is completed and the course's progress shows.
    await sco(page, SCO12_TITLE).getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { level: 2, name: 'You have completed this activity' }).waitFor();
    await expect(focusedHeading(page)).resolves.toBe('H2: ✓ You have completed this activity');
    await page.getByRole('progressbar', { name: `Progress in ${course12.title}` }).waitFor();
    await expect(toc.textContent()).resolves.toContain(`${SCO12_TITLE} Completed`);
    await checkAccessibility(page);
    await playerUntil(page, course12, (body) => body.activityStatus === 'completed');
  });

  it('moves through a SCORM 2004 package with Next, Previous, the contents and the SCO’s own requests', async () => {
    const { page, system } = suite;
    await enrolAndOpen(page, system.baseUrl, course2004, 'Theron Lewis');
    const [first, second, third] = SCO2004_TITLES;
    const toc = page.getByRole('navigation', { name: 'Contents' });

    await press(page, 'Start');
    await scoShows(sco(page, first), 'ab-initio');
    await checkAccessibility(page);

    // Next from the player, with the SCO open: it ends, the server delivers the second.
    await press(page, 'Next');
    await scoShows(sco(page, second), 'ab-initio');
    await expect(
      toc.getByRole('button', { name: new RegExp(second) }).getAttribute('aria-current'),
    ).resolves.toBe('step');

    // Previous back to the first, which suspended itself as its page was unloaded: it resumes.
    await press(page, 'Previous');
    await scoShows(sco(page, first), 'resume');
    // Previous is disabled at the first part: focus went on into the SCO, not to the page's top.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('IFRAME');
    await expect(page.locator(`iframe[title="${second}"]`).count()).resolves.toBe(0);

    // A choice in the contents. That SCO asks the player to hide Previous and Next (hideLMSUI).
    await press(page, new RegExp(`^${third}`));
    await scoShows(sco(page, third), 'ab-initio');
    const controls = page.getByRole('group', { name: 'Move through the activity' });
    await expect(controls.getByRole('button').allTextContents()).resolves.toEqual(['Save and exit']);
    await checkAccessibility(page);

    // The SCO ends without a navigation request: the learner is told, and chooses what comes next.
    await sco(page, third).getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { level: 2, name: 'This part has ended' }).waitFor();
    await expect(focusedHeading(page)).resolves.toBe('H2: This part has ended');
    // The contents are read again once the panel is up: wait for them rather than read them once.
    await toc.getByRole('button', { name: `${third} Passed` }).waitFor();
    await checkAccessibility(page);
    await press(page, new RegExp(`^${third}`));
    await scoShows(sco(page, third), 'ab-initio');

    // Save and exit: the place is kept, and the way back in resumes this SCO.
    await sco(page, third).getByRole('button', { name: 'Set bookmark' }).click();
    await sco(page, third).getByText('Bookmark saved').waitFor();
    await press(page, 'Save and exit');
    await page.getByRole('heading', { level: 2, name: 'Your place is saved' }).waitFor();
    await expect(focusedHeading(page)).resolves.toBe('H2: Your place is saved');
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    await checkAccessibility(page);
    // Every SCO left is suspended (they suspend themselves on unload); the place is the last one.
    await page.getByText(`You stopped in “${third}”.`).waitFor();
    await press(page, 'Resume where you left off');
    await scoShows(sco(page, third), 'resume', 'page-3', 'answers=1,2');

    // The SCO's own request (adl.nav.request=continue) after the last SCO ends the package.
    await sco(page, third).getByRole('button', { name: 'Continue' }).click();
    await page
      .getByRole('heading', { level: 2, name: /^You have (reached the end|completed this activity)$/ })
      .waitFor();
    await checkAccessibility(page);
  });

  it('keeps a part the learner may not open yet out of reach, and says why a move is refused', async () => {
    const { page, system } = suite;
    await enrolAndOpen(page, system.baseUrl, courseSteps, 'Anselm Joseph');
    const [knots, fenders] = SCO12_STEPS;
    const toc = page.getByRole('navigation', { name: 'Contents' });

    // The second part waits for the first: it is text saying why, not a button.
    await expect(toc.getByRole('button', { name: new RegExp(fenders) }).count()).resolves.toBe(0);
    await expect(toc.textContent()).resolves.toContain(`${fenders} Not started (not available yet)`);
    await checkAccessibility(page);

    // Next before the first part is completed: the server refuses and the player says why.
    await press(page, 'Start');
    await scoShows(sco(page, knots), 'ab-initio');
    await press(page, 'Next');
    await page.getByRole('status').filter({ hasText: 'That part is not available yet' }).waitFor();
    await checkAccessibility(page);

    // Completing the first part opens the second, which the player delivers next.
    await press(page, new RegExp(`^${knots}`));
    await sco(page, knots).locator('body[data-ready]').waitFor();
    await sco(page, knots).getByRole('button', { name: 'Complete' }).click();
    await scoShows(sco(page, fenders), 'ab-initio');
    await expect(toc.textContent()).resolves.toContain(`${knots} Completed`);
  });
});

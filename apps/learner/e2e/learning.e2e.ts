import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi, type ApiSession } from './api-helpers';
import {
  addModule,
  newLearner,
  paragraph,
  PASSWORD,
  publish,
  publishCourse,
  reflection,
  section,
  TRAINER,
  type CreatedCourse,
} from './learning-fixtures';

const REFLECTION = randomUUID();
const PROMPT = 'Which queue in your ministry would you change first?';
const ANSWER = 'The queue for birth certificates at the Castries registry.';

async function signIn(page: Page, email: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Resolves with the next progress write the API accepts whose body matches `test`. */
function progressSaved(page: Page, test: (body: Record<string, unknown>) => boolean = () => true) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === 'PUT' &&
      response.url().endsWith('/progress') &&
      response.ok() &&
      test(JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>),
  );
}

interface LearningCourseBody {
  version: number;
  progress: { completed: number; required: number; percent: number };
  modules: { title: string; activities: { id: string; status: string }[] }[];
}

describe('learning: enrol, read, reflect, complete and resume elsewhere', () => {
  const suite = browserSuite();
  let trainer: ApiSession;
  let course: CreatedCourse;

  // An open course of two modules: a lesson with a reflection, a long lesson with sections (a table
  // of contents), and a third lesson to read on a flaky connection.
  beforeAll(async () => {
    trainer = await signInToApi(suite.system.baseUrl, TRAINER.email, TRAINER.password);
    course = await publishCourse(trainer, {
      title: 'Service Design at the Front Desk',
      modules: [
        [
          'Seeing the service',
          [
            {
              title: 'Why queues form',
              blocks: [
                ...section('What people meet at the desk', 4),
                reflection(REFLECTION, PROMPT),
                ...section('What the queue tells us', 4),
              ],
            },
            {
              title: 'Mapping the journey',
              blocks: [
                paragraph('A journey map follows one person through a service, step by step.'),
                ...section('Before the visit'),
                ...section('At the counter'),
                ...section('After the visit'),
                ...section('What to change first'),
              ],
            },
          ],
        ],
        ['Changing the service', [{ title: 'Testing a new form', blocks: section('A paper prototype', 10) }]],
      ],
    });
  });

  it('takes a learner from the course page to a lesson, through to resuming on another device', async () => {
    const { page, system } = suite;
    const email = await newLearner(system.baseUrl, 'Shernelle Alexander');
    const [[first, second]] = course.modules as [[string, string]];

    // Signed out, the course page offers to sign in and comes back after.
    await visit(page, `${system.baseUrl}/courses/${course.slug}`);
    await page.getByRole('link', { name: 'Sign in to enrol' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page, email);
    await page.waitForURL(`${system.baseUrl}/courses/${course.slug}`);
    await page.getByRole('button', { name: 'Enrol in this course' }).click();
    await page.getByRole('link', { name: 'Start the course' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Take this course');
    await expect(page.getByText('You are enrolled in this course (version 1).').count()).resolves.toBe(1);
    await visit(page, page.url());

    // The first lesson: breadcrumbs, the text, and the reflection with a labelled answer field.
    await page.getByRole('link', { name: 'Start the course' }).click();
    await page.waitForURL(`${system.baseUrl}/learn/${course.slug}/${first}`);
    await page.getByRole('heading', { level: 1, name: 'Why queues form' }).waitFor();
    await visit(page, page.url());
    const breadcrumb = page.getByRole('navigation', { name: 'Where you are' });
    await expect(breadcrumb.getByRole('link').allTextContents()).resolves.toEqual([
      'My learning',
      course.title,
    ]);
    await page.getByText(PROMPT).waitFor();
    const answer = page.getByRole('textbox', { name: 'Your answer' });
    await expect(answer.getAttribute('aria-describedby')).resolves.toContain(`prompt-${REFLECTION}`);
    await answer.fill(ANSWER);
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();

    // Reaching the end records completion (not before).
    await expect(page.getByText('You have completed this lesson.').count()).resolves.toBe(0);
    const completion = progressSaved(page, (body) => body.completed === true);
    await page.getByRole('link', { name: /^Next/ }).scrollIntoViewIfNeeded();
    await completion;
    await page.getByText('You have completed this lesson.').waitFor();

    // The next lesson is long: it has a table of contents; the learner follows it, then scrolls on.
    await page.getByRole('link', { name: 'Next: Mapping the journey' }).click();
    await page.waitForURL(`${system.baseUrl}/learn/${course.slug}/${second}`);
    await page.getByRole('heading', { level: 1, name: 'Mapping the journey' }).waitFor();
    await visit(page, page.url());
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents.getByRole('link').allTextContents()).resolves.toEqual([
      'Before the visit',
      'At the counter',
      'After the visit',
      'What to change first',
    ]);
    await contents.getByRole('link', { name: 'At the counter' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('At the counter');
    // The position is saved a moment after scrolling stops (throttled): wait until the API holds
    // this very place.
    await page.mouse.wheel(0, 300);
    let place = -1;
    for (let settled = false; !settled;) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(() => window.scrollY);
      settled = now === place;
      place = now;
    }
    const expected = await page.evaluate(() => {
      const box = document.querySelector('.reader-prose')!.getBoundingClientRect();
      return Math.round((-box.top / box.height) * 10000) / 10000;
    });
    const api = await signInToApi(system.baseUrl, email, PASSWORD);
    const stored = () =>
      api
        .get<{ progress: { position: { anchor: string | null; fraction: number } | null } }>(
          `/api/me/learning/${course.slug}/activities/${second}`,
        )
        .then((activity) => activity.progress.position);
    for (let tries = 0; tries < 100; tries += 1) {
      const position = await stored();
      if (position?.anchor === 'h-at-the-counter' && Math.abs(position.fraction - expected) < 0.001) break;
      await page.waitForTimeout(100);
    }
    await expect(stored()).resolves.toEqual({ anchor: 'h-at-the-counter', fraction: expected });
    expect(place).toBeGreaterThan(500);
    await expect(page.getByText('You have completed this lesson.').count()).resolves.toBe(0);
    const browser = page.context().browser();
    if (!browser) throw new Error('No browser');
    await page.close();

    // Another browser, signed in afresh: My learning shows the progress and continues at that place.
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    try {
      await visit(other, `${system.baseUrl}/learning`);
      await other.waitForURL(/\/sign-in/);
      await signIn(other, email);
      await other.waitForURL(`${system.baseUrl}/learning`);
      await other.getByRole('heading', { level: 1, name: 'My learning' }).waitFor();
      await visit(other, other.url());
      const progress = other.getByRole('progressbar', { name: `Progress in ${course.title}` });
      await expect(progress.getAttribute('aria-valuetext')).resolves.toBe(
        '33% complete: 1 of 3 required activities',
      );
      await other.getByText('Next: Mapping the journey').waitFor();
      await other.getByRole('link', { name: `Continue ${course.title}` }).click();
      await other.waitForURL(`${system.baseUrl}/learn/${course.slug}/${second}`);
      await other.waitForFunction(() => window.scrollY > 0);
      const resumed = await other.evaluate(() => window.scrollY);
      expect(Math.abs(resumed - place)).toBeLessThan(40);
      // Focus moved with the learner to the section they resume in.
      await expect(other.evaluate(() => document.activeElement?.textContent)).resolves.toBe('At the counter');

      // The trainer publishes version 2 with a new module; the learner stays on version 1. The
      // course home (through the breadcrumb) shows each activity's status in words.
      await addModule(trainer, course.id, 'Looking back', [
        { title: 'What we learnt', blocks: [paragraph('Done.')] },
      ]);
      await publish(trainer, course.id, 'A module to look back');
      await other
        .getByRole('navigation', { name: 'Where you are' })
        .getByRole('link', { name: course.title })
        .click();
      await other.waitForURL(`${system.baseUrl}/learn/${course.slug}`);
      await other.getByText('You are following version 1 of this course.').waitFor();
      await visit(other, other.url());
      await expect(other.getByRole('heading', { name: 'Looking back' }).count()).resolves.toBe(0);
      const row = (title: string) =>
        other
          .getByRole('listitem')
          .filter({ has: other.getByRole('link', { name: title }) })
          .last();
      await expect(row('Why queues form').textContent()).resolves.toContain('Completed');
      await expect(row('Mapping the journey').textContent()).resolves.toContain('Started');
      await expect(row('Testing a new form').textContent()).resolves.toContain('Not started');
      await other.getByText('1 of 2 required activities completed').waitFor();

      // The reflection answer is there on this device too.
      await other.getByRole('link', { name: 'Why queues form' }).click();
      await other.waitForURL(`${system.baseUrl}/learn/${course.slug}/${first}`);
      await expect(other.getByRole('textbox', { name: 'Your answer' }).inputValue()).resolves.toBe(ANSWER);
      await other.getByText('You have completed this lesson.').waitFor();
    } finally {
      await elsewhere.close();
    }
  }, 120_000);

  it('asks for access to a course by invitation, and explains cohort-only courses', async () => {
    const { page, system } = suite;
    const invitation = await publishCourse(trainer, {
      title: 'Leading Digital Change',
      enrolmentMode: 'invitation',
      modules: [
        ['Starting out', [{ title: 'Why lead change', blocks: [paragraph('Leaders set the tone.')] }]],
      ],
    });
    const cohort = await publishCourse(trainer, {
      title: 'Cohort Workshop',
      enrolmentMode: 'cohort',
      modules: [['Day one', [{ title: 'Welcome', blocks: [paragraph('Welcome to the workshop.')] }]]],
    });
    const email = await newLearner(system.baseUrl, 'Marcus Pinder');

    await visit(page, `${system.baseUrl}/sign-in?next=%2Fcourses%2F${invitation.slug}`);
    await signIn(page, email);
    await page.waitForURL(`${system.baseUrl}/courses/${invitation.slug}`);
    await page.getByRole('button', { name: 'Ask for access' }).waitFor();
    await visit(page, page.url());
    await page.getByLabel('Message for the trainers (optional)').fill('I lead the digital unit in Nassau.');
    await page.getByRole('button', { name: 'Ask for access' }).click();
    await page.getByRole('heading', { name: 'Your request is pending' }).waitFor();
    await visit(page, page.url());
    await page.getByRole('heading', { name: 'Your request is pending' }).waitFor();
    await expect(page.getByRole('button', { name: 'Ask for access' }).count()).resolves.toBe(0);
    const requests = await trainer.get<{ items: { email: string; message: string; status: string }[] }>(
      `/api/studio/courses/${invitation.id}/access-requests`,
    );
    expect(requests.items).toEqual([
      expect.objectContaining({ email, message: 'I lead the digital unit in Nassau.', status: 'pending' }),
    ]);

    await visit(page, `${system.baseUrl}/courses/${cohort.slug}`);
    await page.getByText('Joined through your training centre').waitFor();
    await expect(page.getByRole('button', { name: /Enrol|Ask for access/ }).count()).resolves.toBe(0);
  });

  it('keeps a completion made on a failing connection and sends it when the connection works again', async () => {
    const { page, system } = suite;
    const email = await newLearner(system.baseUrl, 'Kezia Benn');
    const learner = await signInToApi(system.baseUrl, email, PASSWORD);
    await learner.post(`/api/courses/${course.slug}/enrolment`, {});
    const third = course.modules[1]![0]!;
    const status = async () => {
      const outline = await learner.get<LearningCourseBody>(`/api/me/learning/${course.slug}`);
      return outline.modules[1]!.activities[0]!.status;
    };

    await visit(page, `${system.baseUrl}/sign-in?next=%2Flearn%2F${course.slug}%2F${third}`);
    await signIn(page, email);
    await page.getByRole('heading', { level: 1, name: 'Testing a new form' }).waitFor();
    await page.route('**/progress', (route) => route.abort('internetdisconnected'));

    // The learner reaches the end: the lesson says it is complete, and that it waits on this device.
    await page.getByRole('link', { name: /^Previous/ }).scrollIntoViewIfNeeded();
    await page.getByText('You have completed this lesson.').waitFor();
    await page.getByText('The connection is down or unstable.', { exact: false }).waitFor();
    expect(await status()).not.toBe('completed');
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('archipelago.pending-writes.'))
        .map((key) => localStorage.getItem(key))
        .join(''),
    );
    expect(stored).toContain('"completed":true');

    // A reload on the failing connection loses nothing: the write is still waiting on this device.
    // (Leaving the page sends what waits with keepalive, which Chromium lets past page.route: the
    // completion may land then, and is sent again, harmlessly, once the connection works.)
    await visit(page, page.url());
    await page.getByText('You have completed this lesson.').waitFor();

    // The connection comes back: the queued completion lands, and the notice goes away.
    const landed = progressSaved(page, (body) => body.completed === true);
    await page.unroute('**/progress');
    await landed;
    expect(await status()).toBe('completed');
    await page
      .getByText('The connection is down or unstable.', { exact: false })
      .waitFor({ state: 'detached' });
    // Everything else that waited (the visit, the position) follows, and nothing is left behind.
    await page.waitForFunction(
      () => !Object.keys(localStorage).some((key) => key.startsWith('archipelago.pending-writes.')),
    );
  });

  it('on a shared computer, never sends one learner’s waiting progress under the next one’s session', async () => {
    const { page, system } = suite;
    const first = await newLearner(system.baseUrl, 'Anya Joseph');
    const next = await newLearner(system.baseUrl, 'Brent Charles');
    const learner = await signInToApi(system.baseUrl, first, PASSWORD);
    await learner.post(`/api/courses/${course.slug}/enrolment`, {});
    const third = course.modules[1]![0]!;
    const status = async () => {
      const outline = await learner.get<LearningCourseBody>(`/api/me/learning/${course.slug}`);
      return outline.modules[1]!.activities[0]!.status;
    };

    // The first learner completes a lesson while the connection is down, then signs out.
    await visit(page, `${system.baseUrl}/sign-in?next=%2Flearn%2F${course.slug}%2F${third}`);
    await signIn(page, first);
    await page.getByRole('heading', { level: 1, name: 'Testing a new form' }).waitFor();
    await page.route('**/progress', (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: /^Previous/ }).scrollIntoViewIfNeeded();
    await page.getByText('The connection is down or unstable.', { exact: false }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Sign out' }).click();

    // The next person signs in on the same tab; the connection comes back. Nothing is sent for
    // the first learner under this session.
    await nav.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, next);
    await nav.getByText('Brent Charles').waitFor();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith('/progress')) sent.push(request.url());
    });
    await page.unroute('**/progress');
    await page.waitForTimeout(4000);
    expect(sent).toEqual([]);
    expect(await status()).not.toBe('completed');

    // When the first learner signs in again, their completion is sent at once.
    await nav.getByRole('button', { name: 'Sign out' }).click();
    const landed = progressSaved(page, (body) => body.completed === true);
    await nav.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, first);
    await landed;
    expect(await status()).toBe('completed');
  });
});

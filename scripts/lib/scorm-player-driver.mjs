// Plays a corpus package in Chromium through the learner app's SCORM player, as a learner would,
// for scripts/scorm-conformance.mjs. The Rustici "Golf Examples" are driven through their own
// pages: a launch page with Previous / Next / Exit buttons (#butPrevious, #butNext, #butExit)
// around a content frame (#contentFrame), globals `currentPage` and `pageArray`, a bookmark in
// the location, a confirm() asking whether to resume, and a quiz page (assessmenttemplate.html)
// whose right answers carry the class `correctAnswer` (numeric ones show the number in brackets).
/* global window, document -- some functions here run inside the SCO's page */
import { locationIn, scormLearnerDetail, scormLearners } from './scorm-setup.mjs';

const PACKAGE_FILES = '/api/scorm/packages/';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it answers something truthy; throws `message` after `ms`. */
async function until(probe, message, ms = 10_000) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${message}${last instanceof Error ? ` (${last.message.split('\n')[0]})` : ''}`);
    await sleep(100);
  }
}

const flatten = (items) => items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
const scosOf = (tree) => flatten(tree).filter((item) => item.scormType === 'sco' || item.launchable);

/**
 * A learner's tab on the activity: the learner app's page, the navigation answers it received
 * (each delivery with its entry and cmi), and the dialogs the SCO opened (accepted).
 */
async function openActivity(context, url) {
  const page = await context.newPage();
  const tab = { page, deliveries: [], dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    tab.dialogs.push(dialog.message());
    dialog.accept().catch(() => undefined);
  });
  page.on('pageerror', (error) => tab.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') tab.errors.push(message.text().slice(0, 200));
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('/navigation') || response.request().method() !== 'POST') return;
    const body = await response.json().catch(() => null);
    if (body?.delivery) tab.deliveries.push({ ...body.delivery, asked: response.request().postData() });
    else tab.deliveries.push({ status: response.status(), body });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return tab;
}

/** The SCO's own page: the frame of the player showing a package file. */
const scoFrame = (page) =>
  page
    .frames()
    .find((frame) => frame.parentFrame() === page.mainFrame() && frame.url().includes(PACKAGE_FILES));

/** Waits for a SCO to be on screen, pressing the player's start button if it shows one first. */
async function waitForSco(tab, scoId) {
  const deadline = Date.now() + 15_000;
  let pressed = false;
  for (;;) {
    const frame = scoFrame(tab.page);
    const delivery = tab.deliveries.at(-1);
    if (frame && delivery?.scoId && (!scoId || delivery.scoId === scoId)) {
      await frame.waitForLoadState('load');
      return { frame, delivery };
    }
    if (!pressed && Date.now() > deadline - 14_000) {
      const start = tab.page
        // The player's own words (learner locale en: scorm.start, scorm.resume, scorm.openAgain),
        // matched whole: a part of the package in the contents may be called "Playing the Game".
        .getByRole('button', { name: START })
        .first();
      if (await start.isVisible().catch(() => false)) {
        pressed = true;
        await start.click();
      }
    }
    if (Date.now() > deadline) {
      const last = tab.deliveries.at(-1);
      if (process.env.CONFORMANCE_SCREENSHOTS)
        await tab.page.screenshot({
          path: `${process.env.CONFORMANCE_SCREENSHOTS}/no-sco-${Date.now()}.png`,
        });
      throw new Error(
        `no SCO${scoId ? ` ${scoId}` : ''} was shown (last navigation answer: ${JSON.stringify(last ?? null).slice(0, 300)}${tab.errors.length ? `; page errors: ${tab.errors.join(' | ')}` : ''})`,
      );
    }
    await sleep(100);
  }
}

/** The Golf Examples' page state, or null for a launch page without their controller. */
export const golfState = (frame) =>
  frame.evaluate(() => {
    if (typeof window.pageArray === 'undefined' || typeof window.currentPage === 'undefined') return null;
    const content = document.getElementById('contentFrame')?.contentWindow;
    const path = content?.location.pathname ?? '';
    const wanted = window.currentPage === null ? null : window.pageArray[window.currentPage].split('?')[0];
    return {
      current: window.currentPage,
      pages: window.pageArray.length,
      content: path,
      // The content frame has loaded the page the controller is on (it turns pages by setting src).
      shown: wanted !== null && path.endsWith(`/${wanted}`) && content.document.readyState === 'complete',
    };
  });

/** The examples' state once the page their controller is on has loaded. */
export const settled = (frame) =>
  until(async () => {
    const state = await golfState(frame);
    return state?.shown ? state : null;
  }, 'the SCO did not show its page');

/** Presses the SCO's own Next button until it shows page `target` (0-based); answers that state. */
export async function goToPage(frame, target) {
  for (;;) {
    const state = await settled(frame);
    if (state.current >= target) return state;
    await frame.locator('#butNext').click();
    await until(async () => {
      const next = await golfState(frame);
      return next.current === state.current + 1 && next.shown;
    }, 'the SCO did not turn the page');
  }
}

/** Answers the Golf Examples' quiz (the right answers, so that it passes) and submits it. */
export async function answerQuiz(frame) {
  const quiz = await until(
    () => frame.childFrames().find((child) => child.url().includes('assessmenttemplate')),
    'the quiz page did not load',
  );
  await quiz.waitForLoadState('load');
  for (const radio of await quiz.locator('.correctAnswer input[type=radio]').all()) await radio.check();
  for (const box of await quiz.locator('.correctAnswer input[type=text]').all()) {
    const text = await box.evaluate((input) => input.parentElement.textContent);
    await box.fill(/\((\d+)\)/.exec(text)?.[1] ?? '0');
  }
  const questions = await quiz.locator('.question').count();
  await quiz.locator('input[type=button][value="Submit Answers"]').click();
  const score = await until(
    async () => /Score:\s*(\d+)/.exec((await quiz.locator('#test h3').first().textContent()) ?? '')?.[1],
    'the quiz showed no score',
  );
  return { questions, score: Number(score) };
}

/** The learner's latest stored attempt of a SCO, read through the trainer's report. */
async function storedAttempt(trainer, activityId, userId, scoId) {
  const row = (await scormLearners(trainer, activityId)).find((r) => r.userId === userId);
  if (!row) return null;
  const detail = await scormLearnerDetail(trainer, activityId, row.enrolmentId);
  const attempts = detail.scos.find((sco) => sco.identifier === scoId)?.attempts ?? [];
  return attempts.reduce((latest, a) => (!latest || a.number > latest.number ? a : latest), null);
}

const storedLocation = (attempt) => attempt?.location ?? undefined;

/** Leaves the activity halfway by closing the tab (its unload handlers run, as a browser's would). */
async function closeTab(tab) {
  await tab.page.close({ runBeforeUnload: true });
  await until(() => tab.page.isClosed(), 'the tab did not close', 5_000);
}

/** The player's own buttons, outside the SCO's frame. */
const START = /^(start|resume where you left off|open again)$/i;
const playerButton = (page, name) => page.getByRole('button', { name }).first();
const NEXT = /^(next|continue)/i;
const EXIT = /^(save and exit|exit|leave|close|finish)/i;

async function player(learner, slug, activityId) {
  return learner.call('GET', `/api/me/learning/${slug}/scorm/${activityId}`);
}

async function expectCompleted(learner, slug, activityId) {
  return until(
    async () => (await player(learner, slug, activityId)).activityStatus === 'completed',
    'the activity did not become completed',
    10_000,
  ).then(
    () => true,
    () => false,
  );
}

/** Plays one package and fills its row of the table. */
export async function playPackage({ base, browser, trainer, learner, userId, row, course, activityId }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, ...value] = learner.cookie.split('=');
  await context.addCookies([{ name, value: value.join('='), url: base }]);
  const url = `${base}/learn/${course.slug}/${activityId}`;
  try {
    const view = await player(learner, course.slug, activityId);
    const scos = scosOf(view.tree);
    if (scos.length > 1)
      await playSequence({ context, url, trainer, learner, userId, row, course, activityId, view, scos });
    else await playSingle({ context, url, trainer, learner, userId, row, course, activityId });
  } finally {
    await context.close();
  }
}

/** A single-SCO package: launch, leave halfway, resume, finish. */
async function playSingle({ context, url, trainer, learner, userId, row, course, activityId }) {
  let tab = await openActivity(context, url);
  const first = await waitForSco(tab);
  const state = await golfState(first.frame);
  if (!state) {
    // A launch page without the examples' controller (the content-packaging examples say "Not
    // implemented yet" and never call the runtime API): there is nothing to resume. The learner
    // moves on with Next (continue past the end ends the attempt): SCORM 2004 then completes it,
    // since completionSetByContent and objectiveSetByContent default to false (SN End Attempt
    // Process); SCORM 1.2 has no such rule, so the SCO stays not attempted.
    const text = (await first.frame.locator('body').textContent()).trim().replace(/\s+/g, ' ');
    row.played = `launched (${first.delivery.entry || 'no entry'})`;
    row.resumed = 'n/a: the SCO never calls the API';
    row.notes = [`its page says: "${text.slice(0, 80)}"`];
    const next = playerButton(tab.page, NEXT);
    const byNext = (await next.isVisible().catch(() => false)) && (await next.isEnabled());
    await (byNext ? next : playerButton(tab.page, EXIT)).click();
    if (row.version.startsWith('2004')) {
      const completed = await expectCompleted(learner, course.slug, activityId);
      row.completed = `${completed ? 'yes' : 'no'} (${byNext ? 'attempt ended by Next' : 'left by Save and exit: suspended'})`;
      if (!completed && byNext)
        row.failures.push('a 2004 SCO that reports nothing was not completed when its attempt ended');
    } else {
      await sleep(500);
      row.completed = `n/a (${(await player(learner, course.slug, activityId)).activityStatus})`;
    }
    await tab.page.close();
    return;
  }
  if (first.delivery.entry !== 'ab-initio')
    row.failures.push(`first launch entry was "${first.delivery.entry}", expected ab-initio`);
  const halfway = Math.floor(state.pages / 2);
  const at = await goToPage(first.frame, halfway);
  row.played = `${at.current + 1}/${state.pages} pages`;

  await closeTab(tab);
  const suspended = await until(async () => {
    const attempt = await storedAttempt(trainer, activityId, userId, first.delivery.scoId);
    return storedLocation(attempt) === String(halfway) && attempt.state === 'suspended' ? attempt : null;
  }, `after closing the page, the attempt is not suspended at location ${halfway}`).catch((error) => {
    row.failures.push(error.message);
    return null;
  });

  tab = await openActivity(context, url);
  const again = await waitForSco(tab);
  const resumedAt = await settled(again.frame);
  const cmiLocation = locationIn(again.delivery.cmi);
  const resumedOk =
    again.delivery.entry === 'resume' && cmiLocation === String(halfway) && resumedAt.current === halfway;
  row.resumed = resumedOk
    ? `yes (entry=resume, page ${halfway + 1}${suspended ? ', stored' : ''})`
    : `no (entry=${again.delivery.entry || '""'}, location=${cmiLocation ?? 'none'}, page ${resumedAt.current + 1})`;
  if (!resumedOk) row.failures.push(`did not resume: ${row.resumed}`);

  const last = await goToPage(again.frame, state.pages - 1);
  row.played = `${state.pages}/${state.pages} pages`;
  if (last.content.includes('assessmenttemplate')) {
    const quiz = await answerQuiz(again.frame);
    row.played += `, quiz ${quiz.score}%`;
  }
  await again.frame.locator('#butExit').click();
  const completed = await expectCompleted(learner, course.slug, activityId);
  const stored = await storedAttempt(trainer, activityId, userId, again.delivery.scoId);
  const statuses = stored ? `${stored.completion}/${stored.success}` : 'no attempt';
  // One attempt carried across both sessions, its time summed, and the quiz's score kept.
  const score = stored?.scoreRaw ?? (stored?.scoreScaled == null ? null : stored.scoreScaled * 100);
  const facts = stored
    ? `${statuses}, score ${score ?? 'none'}, attempt ${stored.number}, ${stored.sessionCount} sessions, ${Math.round(stored.totalSeconds ?? 0)} s`
    : 'no attempt';
  row.completed = `${completed ? 'yes' : 'no'} (${facts})`;
  if (!completed) row.failures.push(`the activity was not completed after the quiz and Exit (SCO ${facts})`);
  if (stored && (stored.number !== 1 || stored.sessionCount < 2))
    row.failures.push('the relaunch did not carry on the first attempt in a second session');
  if (stored && !(stored.totalSeconds > 0)) row.failures.push('no time was stored');
  if (stored && Number(score) !== 100) row.failures.push(`the quiz's score was not stored (${score})`);
  await tab.page.close();
}

/** For a failed resume: which attempts the server held suspended, when each was last written. */
async function suspendedState(trainer, learner, slug, activityId, userId, ids) {
  const held = [];
  for (const id of ids) {
    const attempt = await storedAttempt(trainer, activityId, userId, id);
    if (attempt?.state === 'suspended') held.push(`${id} suspended at ${attempt.updatedAt}`);
  }
  held.push(`the player offered to resume ${(await player(learner, slug, activityId)).resumeScoId}`);
  return held.join(', ');
}

/**
 * A multi-SCO package with forced-sequential rules: each SCO is disabled until the one before it
 * is satisfied, a choice ahead is refused, and the course completes after the last one.
 */
async function playSequence({ context, url, trainer, learner, userId, row, course, activityId, view, scos }) {
  const ids = scos.map((s) => s.identifier);
  const disabledNow = async () =>
    new Map(
      scosOf((await player(learner, course.slug, activityId)).tree).map((s) => [s.identifier, s.disabled]),
    );
  const checkOrder = async (doneCount, when) => {
    const disabled = await disabledNow();
    for (const [i, id] of ids.entries()) {
      const shouldBe = i > doneCount;
      if (disabled.get(id) !== shouldBe)
        row.failures.push(
          `${when}: ${id} is ${disabled.get(id) ? 'disabled' : 'enabled'}, expected ${shouldBe ? 'disabled' : 'enabled'}`,
        );
    }
    const ahead = ids[doneCount + 1];
    if (!ahead) return;
    const refused = await learner.request(
      'POST',
      `/api/me/learning/${course.slug}/scorm/${activityId}/navigation`,
      {
        request: 'choice',
        target: ahead,
      },
    );
    if (refused.status !== 409)
      row.failures.push(
        `${when}: a choice of ${ahead} answered ${refused.status}, expected 409 (${(await refused.text()).slice(0, 200)})`,
      );
  };
  if (view.controls && !view.controls.choice)
    row.failures.push('the organization allows choice, the player says it does not');
  await checkOrder(0, 'before starting');

  let tab = await openActivity(context, url);
  let current = await waitForSco(tab, ids[0]);
  let resumed = null;
  const played = [];
  for (const [i, id] of ids.entries()) {
    let state = await settled(current.frame);
    if (i === 1) {
      // Leave the second SCO halfway, then come back: it must resume where it was left.
      const halfway = Math.max(1, Math.floor(state.pages / 2));
      await goToPage(current.frame, halfway);
      await closeTab(tab);
      await until(async () => {
        const attempt = await storedAttempt(trainer, activityId, userId, id);
        return storedLocation(attempt) === String(halfway) && attempt.state === 'suspended';
      }, `${id}: after closing the page, the attempt is not suspended at location ${halfway}`).catch(
        async (error) => {
          const attempt = await storedAttempt(trainer, activityId, userId, id);
          row.failures.push(
            `${error.message} (stored: ${attempt?.state}, location ${storedLocation(attempt)})`,
          );
        },
      );
      const held = await suspendedState(trainer, learner, course.slug, activityId, userId, ids);
      tab = await openActivity(context, url);
      current = await waitForSco(tab);
      const location = locationIn(current.delivery.cmi);
      state = await settled(current.frame);
      const ok =
        current.delivery.scoId === id &&
        current.delivery.entry === 'resume' &&
        location === String(halfway) &&
        state.current === halfway;
      resumed = ok
        ? `yes (${id}, entry=resume, page ${halfway + 1})`
        : `no (${current.delivery.scoId}, entry=${current.delivery.entry || '""'}, location=${location ?? 'none'}, page ${state.current + 1})`;
      if (!ok)
        row.failures.push(
          `did not resume: ${resumed}; before the relaunch: ${held}; navigation: ${tab.deliveries.map((d) => `${d.asked} ${d.scoId} ${d.entry}`).join(' → ')}`,
        );
      if (current.delivery.scoId !== id) {
        // Go on from where the learner meant to be: choosing the SCO in the contents resumes it too.
        const title = scos[i].title;
        await tab.page.locator('.scorm-toc button', { hasText: title }).first().click();
        current = await waitForSco(tab, id);
        state = await settled(current.frame);
        const chosen = `${current.delivery.entry || '""'} at page ${state.current + 1}`;
        resumed += `; chosen from the contents: ${chosen}`;
        if (current.delivery.entry !== 'resume' || state.current !== halfway)
          row.failures.push(`${id} chosen from the contents did not resume: ${chosen}`);
      }
    }
    const last = await goToPage(current.frame, state.pages - 1);
    if (last.content.includes('assessmenttemplate')) {
      const quiz = await answerQuiz(current.frame);
      played.push(`quiz ${quiz.score}%`);
    } else played.push(`${state.pages}p`);
    if (i < ids.length - 1) {
      await until(
        async () => (await disabledNow()).get(ids[i + 1]) === false,
        `${ids[i + 1]} stayed disabled after ${id} was finished`,
      ).catch((error) => row.failures.push(error.message));
      if (i === 0) await checkOrder(1, `after ${id}`);
      await playerButton(tab.page, NEXT).click();
      current = await waitForSco(tab, ids[i + 1]);
    } else {
      // Past the last SCO: Next ends the activity (continue past the end), else the player's exit.
      const next = playerButton(tab.page, NEXT);
      if ((await next.isVisible().catch(() => false)) && (await next.isEnabled())) await next.click();
      else await playerButton(tab.page, EXIT).click();
    }
  }
  row.played = `${ids.length} SCOs in order (${played.join(', ')})`;
  row.resumed = resumed ?? 'not checked';
  const completed = await expectCompleted(learner, course.slug, activityId);
  const outline = await learner.call('GET', `/api/me/learning/${course.slug}`);
  row.completed = `${completed ? 'yes' : 'no'}; course ${outline.completedAt ? 'completed' : 'not completed'}`;
  if (!completed) row.failures.push('the activity was not completed after the last SCO');
  if (!outline.completedAt) row.failures.push('the course was not completed after its only activity');
  await tab.page.close();
}

import { describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO_COURSE_TITLE, signedUpLearner, suffix } from './cohort-fixtures';
import { asPage, asPageOk, saintLuciaCentreId } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

interface VersionView {
  id: string;
  frameworkId: string;
  number: number;
  status: string;
  revision: number;
  scale: { value: number; label: string; description?: string | null }[];
  dimensions: {
    key: string;
    name: string;
    statements: { text: string }[];
    recommendations: { courseTitle: string; moduleTitle: string | null }[];
  }[];
}

interface FrameworkSummary {
  id: string;
  name: string;
  published: { versionId: string; number: number } | null;
  draft: { versionId: string; revision: number } | null;
}

interface AssessmentView {
  id: string;
  title: string;
  description: string;
  status: string;
  revision: number;
}

const DEFAULT_FRAMEWORK = /^Digital government capability/;

/** Presses a control by keyboard: focus, then Enter. */
async function press(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The default framework's published version: what assessments are taken on unless told otherwise. */
async function defaultVersionId(page: Page): Promise<string> {
  const { items } = await asPageOk<{ items: FrameworkSummary[] }>(page, 'GET', '/api/studio/dgca/frameworks');
  const framework = items.find((f) => DEFAULT_FRAMEWORK.test(f.name) && f.published);
  if (!framework?.published) throw new Error('no published default DGCA framework');
  return framework.published.versionId;
}

/** A draft assessment of the Saint Lucia centre on the default framework, made by whoever is signed in. */
async function assessmentViaApi(page: Page, title: string): Promise<AssessmentView> {
  return asPageOk<AssessmentView>(page, 'POST', '/api/studio/dgca/assessments', {
    institutionId: await saintLuciaCentreId(page),
    subject: 'country',
    title,
    versionId: await defaultVersionId(page),
  });
}

/** Whether leaving the page now would ask first (a beforeunload listener cancels the event). */
const leavingWarns = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

describe('studio: DGCA frameworks and assessments', () => {
  const suite = browserSuite();

  it('builds a new framework draft by keyboard, keeps someone else’s save unless asked, and publishes it', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessments' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
    await checkAccessibility(page);
    await page.getByRole('link', { name: 'Frameworks', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Frameworks' }).waitFor();
    await page
      .getByRole('table', { name: 'Frameworks' })
      .getByRole('link', { name: DEFAULT_FRAMEWORK })
      .waitFor();
    await checkAccessibility(page);

    // A new framework starts as an empty draft, and the editor opens on it.
    const name = `Open government capability ${suffix()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Start from').selectOption({ label: 'An empty draft' });
    await page.getByRole('button', { name: 'Create framework' }).click();
    await page.getByRole('heading', { level: 1, name: `${name}, version 1` }).waitFor();
    await checkAccessibility(page);

    // Scale levels: each "Add a level" puts focus on the new level's value, already numbered.
    const addLevel = page.getByRole('button', { name: 'Add a level' });
    for (const label of ['Not yet', 'Partly', 'Fully']) {
      await press(page, addLevel);
      await page.waitForFunction(() => document.activeElement?.id.endsWith('-value') ?? false);
      await page.keyboard.press('Tab');
      await page.keyboard.type(label);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${label}: what it looks like.`);
    }
    await press(page, page.getByRole('button', { name: 'Remove level “Partly”' }));
    await page.getByText('Level removed. The scale has 2 levels.').waitFor({ state: 'attached' });
    expect(await focusedId(page)).toBe('dgca-scale-add');

    // A dimension: its key follows its name; statements are added and reordered by buttons.
    await press(page, page.getByRole('button', { name: 'Add a dimension' }));
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-name') ?? false);
    await page.keyboard.type('Open data');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Key', { exact: true }).inputValue()).resolves.toBe('open-data');
    await page.getByLabel('Statement 1', { exact: true }).fill('Datasets are published in open formats.');
    await press(page, page.getByRole('button', { name: 'Add a statement to Open data' }));
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('There is a named owner for each dataset.');
    await press(page, page.getByRole('button', { name: 'Move up “statement 2 of Open data”' }));
    await page.getByText('The statement is now number 1 of 2.').waitFor({ state: 'attached' });
    // It reached the top: focus moves to its "Move down", the button it still has.
    expect(await focusedId(page)).toMatch(/^dgca-statement-.+-down$/);
    await expect(page.getByLabel('Statement 1', { exact: true }).inputValue()).resolves.toBe(
      'There is a named owner for each dataset.',
    );

    // A recommended module of the demo course.
    const dimension = page.getByRole('region', { name: 'Dimension 1: Open data' });
    await dimension.getByLabel('Course', { exact: true }).selectOption({ label: DEMO_COURSE_TITLE });
    const moduleSelect = dimension.getByLabel('Module', { exact: true });
    await moduleSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    await moduleSelect.selectOption({ index: 1 });
    const moduleTitle = (await moduleSelect.locator('option:checked').innerText()).trim();
    await press(page, dimension.getByRole('button', { name: 'Add recommendation to Open data' }));
    await dimension.getByText(`${DEMO_COURSE_TITLE}: ${moduleTitle}`, { exact: true }).waitFor();
    await checkAccessibility(page);

    // Unsaved edits: leaving the page asks first; once saved, it does not.
    await expect(leavingWarns(page)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor({ state: 'attached' });
    await expect(leavingWarns(page)).resolves.toBe(false);
    const versionId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await asPageOk<VersionView>(
      page,
      'GET',
      `/api/studio/dgca/framework-versions/${versionId}`,
    );
    expect(saved.scale.map((level) => [level.value, level.label])).toEqual([
      [1, 'Not yet'],
      [3, 'Fully'],
    ]);
    expect(saved.dimensions).toEqual([
      expect.objectContaining({
        key: 'open-data',
        name: 'Open data',
        statements: [
          expect.objectContaining({ text: 'There is a named owner for each dataset.' }),
          expect.objectContaining({ text: 'Datasets are published in open formats.' }),
        ],
        recommendations: [expect.objectContaining({ courseTitle: DEMO_COURSE_TITLE, moduleTitle })],
      }),
    ]);

    // Someone else saves meanwhile: saving here stops, says so, and keeps what was typed.
    await asPageOk(page, 'PUT', `/api/studio/dgca/framework-versions/${versionId}`, {
      revision: saved.revision,
      language: 'en',
      scale: saved.scale.map(({ value, label }) => ({ value, label })),
      dimensions: [
        {
          key: 'open-data',
          name: 'Open and shared data',
          statements: [{ text: 'Datasets are published in open formats.' }],
          recommendations: [],
        },
      ],
    });
    await page.getByLabel('Description', { exact: true }).fill('Publishing and reusing government data.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else saved this draft meanwhile' });
    await notice.waitFor();
    await expect(page.getByLabel('Description', { exact: true }).inputValue()).resolves.toBe(
      'Publishing and reusing government data.',
    );
    await checkAccessibility(page);
    await notice.getByRole('button', { name: 'Show their version' }).click();
    const confirm = page.getByRole('dialog', { name: 'Show their version?' });
    await checkAccessibility(page);
    await confirm.getByRole('button', { name: 'Show their version' }).click();
    await page.getByRole('heading', { level: 3, name: 'Dimension 1: Open and shared data' }).waitFor();
    // The notice and its button are gone: focus rests on the editor's first field, not the page.
    await page.waitForFunction(() => document.activeElement?.id === 'dgca-version-language');

    // Publishing saves what is on screen, then freezes it.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: `Publish ${name}, version 1?` });
    await checkAccessibility(page);
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const versions = page.getByRole('table', { name: `Versions of ${name}` });
    await versions
      .getByRole('row')
      .filter({ hasText: 'Version 1' })
      .getByRole('cell', { name: 'Published' })
      .waitFor();
    await checkAccessibility(page);

    await versions.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { name: 'Published versions do not change' }).waitFor();
    await expect(page.getByRole('button', { name: 'Save draft' }).count()).resolves.toBe(0);
    await checkAccessibility(page);
    const refused = await asPage<{ code: string }>(
      page,
      'PUT',
      `/api/studio/dgca/framework-versions/${versionId}`,
      {
        revision: saved.revision + 1,
        language: 'en',
        scale: saved.scale,
        dimensions: [],
      },
    );
    expect(refused.status).toBe(409);

    // A new draft starts from the published version.
    await page.getByRole('link', { name: `Back to ${name}` }).click();
    await page.getByRole('button', { name: 'Start a new draft' }).click();
    await page.getByRole('heading', { level: 1, name: `${name}, version 2` }).waitFor();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Open and shared data');
    await checkAccessibility(page);

    // A draft can be deleted; the published version stays.
    await page.getByRole('button', { name: 'Delete draft' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete draft version 2?' });
    await checkAccessibility(page);
    await remove.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('button', { name: 'Start a new draft' }).waitFor();
    await expect(versions.getByRole('row').count()).resolves.toBe(2);
  });

  it('creates an assessment, adds people, opens the round and removes a participant, by keyboard', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const stays = await signedUpLearner(system.baseUrl, 'Marcia Stays');
    const leaver = await signedUpLearner(system.baseUrl, 'Dwayne Leaver');
    const invitee = `planner.${suffix()}@example.gov`;
    const title = `Saint Lucia self-assessment ${suffix()}`;

    await visit(page, `${system.baseUrl}/studio/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
    // Frameworks are edited by platform admins only: no link for an institution admin.
    await expect(page.getByRole('link', { name: 'Frameworks', exact: true }).count()).resolves.toBe(0);
    await press(page, page.getByRole('link', { name: 'New assessment' }));
    await page.getByRole('heading', { level: 1, name: 'New assessment' }).waitFor();
    const framework = page.getByLabel('Framework', { exact: true });
    const defaultLabel = await framework
      .locator('option', { hasText: DEFAULT_FRAMEWORK })
      .first()
      .innerText();
    await framework.selectOption({ label: defaultLabel.trim() });
    await page.getByLabel('Title').focus();
    await page.keyboard.type(title);
    await page.getByLabel('Individual answers due on').fill('2026-12-15');
    await checkAccessibility(page);
    await press(page, page.getByRole('button', { name: 'Create assessment' }));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Draft: set it up and add participants.', { exact: false }).waitFor();
    await checkAccessibility(page);

    // A line that is not an address is named before anything is sent.
    const people = page.getByLabel('People', { exact: true });
    await people.focus();
    await page.keyboard.type(`Marcia Stays <${stays.email}>\nnot an address\n`);
    await press(page, page.getByRole('button', { name: 'Add people' }));
    await page
      .locator('#dgca-add-people-error')
      .getByText('This line is not an e-mail address: not an address')
      .waitFor();
    expect(await focusedId(page)).toBe('dgca-add-people');
    await people.fill(`Marcia Stays <${stays.email}>\n${leaver.email}\nPat Planner <${invitee}>`);
    await press(page, page.getByRole('button', { name: 'Add people' }));
    await page.getByText(`${stays.email} is now a participant.`).waitFor();
    await page.getByText(`${invitee} was invited to sign up.`).waitFor();
    const participants = page.getByRole('table', { name: `Participants in ${title}` });
    const row = (text: string) => participants.getByRole('row').filter({ hasText: text });
    await row(stays.email)
      .getByRole('cell', { name: /^0 of \d+$/ })
      .waitFor();
    await row(leaver.email).waitFor();
    const invited = page.getByRole('table', { name: `People invited to ${title}` });
    await invited
      .getByRole('row')
      .filter({ hasText: invitee })
      .getByRole('cell', { name: 'Pat Planner' })
      .waitFor();
    await checkAccessibility(page);

    // Opening the round asks first, then focus rests on the round's heading.
    await press(page, page.getByRole('button', { name: 'Open the individual round' }));
    const open = page.getByRole('dialog', { name: `Open the individual round of ${title}?` });
    await checkAccessibility(page);
    await press(page, open.getByRole('button', { name: 'Open the individual round' }));
    await open.waitFor({ state: 'hidden' });
    await page.getByText('Individual round: participants rate each statement', { exact: false }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'dgca-status-heading');
    await page.getByRole('button', { name: 'Start the consensus round' }).waitFor();

    // Participants can still be removed in the individual round.
    await press(page, page.getByRole('button', { name: 'Remove Dwayne Leaver from the assessment' }));
    const remove = page.getByRole('dialog', { name: 'Remove Dwayne Leaver from the assessment?' });
    await checkAccessibility(page);
    await press(page, remove.getByRole('button', { name: 'Remove', exact: true }));
    await remove.waitFor({ state: 'hidden' });
    await row(leaver.email).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'dgca-participants-heading');

    await press(page, page.getByRole('button', { name: `Withdraw the invitation of ${invitee}` }));
    const withdraw = page.getByRole('dialog', { name: `Withdraw the invitation of ${invitee}?` });
    await checkAccessibility(page);
    await press(page, withdraw.getByRole('button', { name: 'Withdraw', exact: true }));
    await withdraw.waitFor({ state: 'hidden' });
    await invited.waitFor({ state: 'detached' });

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const list = await asPageOk<{ participants: { email: string }[]; invitees: unknown[] }>(
      page,
      'GET',
      `/api/studio/dgca/assessments/${id}/participants`,
    );
    expect(list.participants.map((p) => p.email)).toEqual([stays.email]);
    expect(list.invitees).toEqual([]);
    const assessment = await asPageOk<AssessmentView>(page, 'GET', `/api/studio/dgca/assessments/${id}`);
    expect(assessment.status).toBe('individual');

    // From the consensus round on, the later stages are linked and the people are final.
    await asPageOk(page, 'POST', `/api/studio/dgca/assessments/${id}/status`, {
      revision: assessment.revision,
      to: 'consensus',
    });
    await visit(page, page.url());
    const stages = page.getByRole('navigation', { name: 'Stages of the assessment' });
    for (const [link, path] of [
      ['Consensus round', 'consensus'],
      ['Capability profile', 'results'],
      ['Action plan', 'actions'],
    ]) {
      await expect(stages.getByRole('link', { name: link }).getAttribute('href')).resolves.toBe(
        `/studio/assessments/${id}/${path}`,
      );
    }
    await page.getByRole('button', { name: 'Reopen the individual round' }).waitFor();
    await expect(page.getByRole('button', { name: 'Add people' }).count()).resolves.toBe(0);
    await expect(participants.getByRole('button').count()).resolves.toBe(0);
    await checkAccessibility(page);

    // The list finds it by its status.
    await visit(page, `${system.baseUrl}/studio/assessments`);
    await page.getByLabel('Status').selectOption({ label: 'Consensus round' });
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('table', { name: 'Assessments' }).getByRole('link', { name: title }).waitFor();
    await checkAccessibility(page);
  });

  it("saves settings against the revision: someone else's newer save is not overwritten unasked", async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, `Budget office self-assessment ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}`);
    await page.getByRole('heading', { level: 1, name: assessment.title }).waitFor();

    await page.getByLabel('Description').fill('Ahead of the 2027 strategy.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor({ state: 'attached' });
    const saved = await asPageOk<AssessmentView>(
      page,
      'GET',
      `/api/studio/dgca/assessments/${assessment.id}`,
    );
    expect(saved.description).toBe('Ahead of the 2027 strategy.');

    const renamed = `${assessment.title} (renamed)`;
    await asPageOk(page, 'PATCH', `/api/studio/dgca/assessments/${assessment.id}`, {
      revision: saved.revision,
      title: renamed,
    });
    await page.getByLabel('Description').fill('Something else.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this assessment' });
    await notice.waitFor();
    await checkAccessibility(page);
    await notice.getByRole('button', { name: 'Show their version' }).click();
    const confirm = page.getByRole('dialog', { name: 'Show their version?' });
    await checkAccessibility(page);
    await confirm.getByRole('button', { name: 'Show their version' }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe(renamed);
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('Ahead of the 2027 strategy.');
    // The notice and its button are gone: focus rests on the settings' heading, not the page.
    await page.waitForFunction(() => document.activeElement?.id === 'dgca-settings-heading');
  });

  it("does not undo someone else's save with settings shown from before the page read the assessment again", async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, `Customs self-assessment ${suffix()}`);
    const person = await signedUpLearner(system.baseUrl, 'Petra Rater');
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}`);
    await page.getByRole('heading', { level: 1, name: assessment.title }).waitFor();
    const renamed = `${assessment.title} (renamed)`;
    await asPageOk(page, 'PATCH', `/api/studio/dgca/assessments/${assessment.id}`, {
      revision: assessment.revision,
      title: renamed,
    });
    // Adding someone reads the assessment again (the newer title heads the page); the fields keep
    // what they showed, so saving them meets the other save as a conflict.
    await page.getByLabel('People', { exact: true }).fill(person.email);
    await page.getByRole('button', { name: 'Add people' }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await page.getByLabel('Description').fill('Customs and excise.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed this assessment' }).waitFor();
    const now = await asPageOk<AssessmentView>(page, 'GET', `/api/studio/dgca/assessments/${assessment.id}`);
    expect(now.title).toBe(renamed);
  });

  it('says aloud when someone else changed a completed assessment before its sharing choice was saved', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    let assessment = await assessmentViaApi(page, `Ports self-assessment ${suffix()}`);
    const person = await signedUpLearner(system.baseUrl, 'Ruth Rater');
    await asPageOk(page, 'POST', `/api/studio/dgca/assessments/${assessment.id}/participants`, {
      people: [{ email: person.email }],
    });
    for (const to of ['individual', 'consensus', 'completed'])
      assessment = await asPageOk<AssessmentView>(
        page,
        'POST',
        `/api/studio/dgca/assessments/${assessment.id}/status`,
        {
          revision: assessment.revision,
          to,
        },
      );
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}`);
    await page.getByRole('heading', { level: 1, name: assessment.title }).waitFor();
    await asPageOk(page, 'PATCH', `/api/studio/dgca/assessments/${assessment.id}`, {
      revision: assessment.revision,
      regionalOptIn: true,
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .locator('[aria-live="polite"]')
      .filter({ hasText: 'Someone else changed this assessment meanwhile.' })
      .waitFor({ state: 'attached' });
    await checkAccessibility(page);
  });

  it('reads the assessment again when someone else changed it before a change of round', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, `Treasury self-assessment ${suffix()}`);
    const person = await signedUpLearner(system.baseUrl, 'Winston Rater');
    await asPageOk(page, 'POST', `/api/studio/dgca/assessments/${assessment.id}/participants`, {
      people: [{ email: person.email }],
    });
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}`);
    await page.getByRole('heading', { level: 1, name: assessment.title }).waitFor();
    const renamed = `${assessment.title} (renamed)`;
    await asPageOk(page, 'PATCH', `/api/studio/dgca/assessments/${assessment.id}`, {
      revision: assessment.revision,
      title: renamed,
    });

    await page.getByRole('button', { name: 'Open the individual round' }).click();
    const dialog = page.getByRole('dialog', { name: `Open the individual round of ${assessment.title}?` });
    await dialog.getByRole('button', { name: 'Open the individual round' }).click();
    // The dialog's title follows the newer title as the page reads it again.
    await page
      .getByRole('dialog')
      .getByRole('alert')
      .getByText('Someone else changed this assessment meanwhile.', { exact: false })
      .waitFor();
    await checkAccessibility(page);
    // The page now shows the newer version: trying again works on it.
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    const again = page.getByRole('dialog', { name: `Open the individual round of ${renamed}?` });
    await again.getByRole('button', { name: 'Open the individual round' }).click();
    await again.waitFor({ state: 'hidden' });
    await page.getByText('Individual round: participants rate each statement', { exact: false }).waitFor();
    const now = await asPageOk<AssessmentView>(page, 'GET', `/api/studio/dgca/assessments/${assessment.id}`);
    expect(now.status).toBe('individual');
  });

  it('refuses to open the round without participants, in its own words', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, `Empty self-assessment ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}`);
    await page.getByText('Nobody takes part yet.').waitFor();
    await page.getByRole('button', { name: 'Open the individual round' }).click();
    const dialog = page.getByRole('dialog', { name: `Open the individual round of ${assessment.title}?` });
    await dialog.getByRole('button', { name: 'Open the individual round' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Add at least one participant before opening the individual round.')
      .waitFor();
    await checkAccessibility(page);

    // A draft can be deleted, after confirming.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Delete assessment' }).click();
    const remove = page.getByRole('dialog', { name: `Delete ${assessment.title}?` });
    await checkAccessibility(page);
    await remove.getByRole('button', { name: 'Delete assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
    const gone = await asPage(page, 'GET', `/api/studio/dgca/assessments/${assessment.id}`);
    expect(gone.status).toBe(404);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO_COURSE_TITLE, cohortViaApi, signedUpLearner, suffix } from './cohort-fixtures';
import { asPage, asPageOk, saintLuciaCentreId } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

interface CohortView {
  id: string;
  name: string;
  description: string;
  version: number;
  status: string;
}

const members = (page: Page, cohortId: string) =>
  asPageOk<{ items: { email: string; kind: string }[] }>(
    page,
    'GET',
    `/api/studio/cohorts/${cohortId}/members`,
  );

/** Presses a button by keyboard: focus, then Enter. */
async function press(page: Page, button: ReturnType<Page['getByRole']>) {
  await button.focus();
  await page.keyboard.press('Enter');
}

describe('studio: cohorts', () => {
  const suite = browserSuite();

  it("edits a cohort's details, and someone else's newer save is not overwritten unasked", async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Budget officers ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}`);
    await page.getByRole('heading', { level: 1, name: cohort.name }).waitFor();

    await page.getByLabel('Description').fill('Officers who prepare the annual estimates.');
    await page.getByLabel('Enrolment opens on').fill('2026-11-01');
    await page.getByLabel('Enrolment closes on').fill('2027-01-31');
    await page.getByLabel('Module 1: Why mindsets matter for the SDGs').fill('2027-01-15');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Cohort details saved.').waitFor({ state: 'attached' });
    const saved = await asPageOk<CohortView & { enrolmentClosesAt: string; deadlines: { dueOn: string }[] }>(
      page,
      'GET',
      `/api/studio/cohorts/${cohort.id}`,
    );
    expect(saved.description).toBe('Officers who prepare the annual estimates.');
    expect(saved.enrolmentClosesAt).not.toBeNull();
    expect(saved.deadlines).toEqual([expect.objectContaining({ dueOn: '2027-01-15' })]);

    // Another administrator renames it meanwhile: saving here is stopped and says so.
    const renamed = `${cohort.name} (renamed)`;
    await asPageOk(page, 'PATCH', `/api/studio/cohorts/${cohort.id}`, {
      version: saved.version,
      name: renamed,
    });
    await page.getByLabel('Description').fill('Something else.');
    await page.getByRole('button', { name: 'Save details' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else changed this cohort' });
    await notice.waitFor();
    await checkAccessibility(page);
    await notice.getByRole('button', { name: 'Show their version' }).click();
    const confirm = page.getByRole('dialog', { name: 'Show their version?' });
    await confirm.getByRole('button', { name: 'Show their version' }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(renamed);
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe(
      'Officers who prepare the annual estimates.',
    );
    const after = await asPageOk<CohortView>(page, 'GET', `/api/studio/cohorts/${cohort.id}`);
    expect(after.description).toBe('Officers who prepare the annual estimates.');
  });

  it('says when the courses to choose from could not be loaded, rather than that there are none', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    await page.route(/\/api\/studio\/courses\?/, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      }),
    );
    await visit(page, `${system.baseUrl}/studio/cohorts/new`);
    await page
      .getByRole('group', { name: 'Courses' })
      .getByText('The courses could not be loaded. Reload the page to try again.')
      .waitFor();
    await expect(page.getByText('There are no published courses to choose from yet.').count()).resolves.toBe(
      0,
    );
    await checkAccessibility(page);
  });

  it('adds people by e-mail, moves one, removes one and revokes an invitation, by keyboard', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Customs officers ${suffix()}`);
    const other = await cohortViaApi(page, `Customs officers, second intake ${suffix()}`);
    const mover = await signedUpLearner(system.baseUrl, 'Claudette Mover');
    const leaver = await signedUpLearner(system.baseUrl, 'Dwayne Leaver');
    const invitee = `newcomer.${suffix()}@example.gov`;
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}`);
    const table = page.getByRole('table', { name: `People in ${cohort.name}` });
    const row = (text: string) => table.getByRole('row').filter({ hasText: text });

    const email = page.getByLabel('E-mail address', { exact: true });
    for (const person of [mover, leaver]) {
      await email.focus();
      await page.keyboard.type(person.email);
      await page.keyboard.press('Enter');
      await page
        .getByText(`${person.email} was enrolled in the cohort.`)
        .first()
        .waitFor({ state: 'attached' });
      await row(person.email).getByRole('cell', { name: 'Member', exact: true }).waitFor();
    }
    // Adding someone twice changes nothing in the list: the page itself says so, not only the live region.
    await email.focus();
    await page.keyboard.type(leaver.email);
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByText(`${leaver.email} is already in the cohort.`).waitFor();
    // Someone without an account is invited, by the names and in the language given.
    await email.focus();
    await page.keyboard.type(invitee);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Esther');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Newcomer');
    await page.getByLabel('Language of the invitation').selectOption('fr');
    await page.keyboard.press('Enter');
    await page.getByText(`An invitation was sent to ${invitee}.`).first().waitFor({ state: 'attached' });
    await row(invitee).getByRole('cell', { name: 'Invited', exact: true }).waitFor();
    await checkAccessibility(page);

    // Move: their progress goes with them to the other cohort.
    await press(page, page.getByRole('button', { name: 'Move Claudette Mover to another cohort' }));
    const move = page.getByRole('dialog', { name: 'Move Claudette Mover to another cohort' });
    await move.getByLabel('Cohort to move to').selectOption({ label: other.name });
    await checkAccessibility(page);
    await press(page, move.getByRole('button', { name: 'Move', exact: true }));
    await move.waitFor({ state: 'hidden' });
    await page.getByText(`Claudette Mover was moved to ${other.name}.`).waitFor({ state: 'attached' });
    await row(mover.email).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'cohort-members-heading');
    expect((await members(page, other.id)).items.map((m) => m.email)).toEqual([mover.email]);

    // Remove: they leave the cohort.
    await press(page, page.getByRole('button', { name: 'Remove Dwayne Leaver from the cohort' }));
    const remove = page.getByRole('dialog', { name: 'Remove Dwayne Leaver from the cohort?' });
    await checkAccessibility(page);
    await press(page, remove.getByRole('button', { name: 'Remove', exact: true }));
    await remove.waitFor({ state: 'hidden' });
    await row(leaver.email).waitFor({ state: 'detached' });

    // Revoke the invitation.
    await press(page, page.getByRole('button', { name: `Revoke invitation of ${invitee}` }));
    const revoke = page.getByRole('dialog', { name: `Revoke the invitation of ${invitee}?` });
    await press(page, revoke.getByRole('button', { name: 'Revoke invitation' }));
    await revoke.waitFor({ state: 'hidden' });
    await row(invitee).waitFor({ state: 'detached' });
    await page.getByText('Nobody is in this cohort yet.').waitFor();
    expect((await members(page, cohort.id)).items).toEqual([]);
    await checkAccessibility(page);
  });

  it('says at the name field, in its own words, that the institution already has a cohort of that name', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const existing = await cohortViaApi(page, `Tax inspectors ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/cohorts/new`);
    await page.getByLabel('Name', { exact: true }).fill(existing.name);
    await page.getByRole('checkbox', { name: DEMO_COURSE_TITLE }).check();
    await page.getByRole('button', { name: 'Create cohort' }).click();
    const message = 'Another cohort of this institution already has this name. Choose another.';
    await page.getByRole('link', { name: message }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.locator('#cohort-name-error').getByText(message).waitFor();
    await checkAccessibility(page);
  });

  it('explains in words of its own that a person cannot be added outside the enrolment window', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Late intake ${suffix()}`);
    await asPageOk(page, 'PATCH', `/api/studio/cohorts/${cohort.id}`, {
      version: cohort.version,
      enrolmentOpensAt: '2020-01-01T12:00:00.000Z',
      enrolmentClosesAt: '2020-01-31T12:00:00.000Z',
    });
    const learner = await signedUpLearner(system.baseUrl, 'Gemma Late');
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}`);
    await page.getByLabel('E-mail address', { exact: true }).fill(learner.email);
    await page.getByRole('button', { name: 'Add to the cohort' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The person could not be added' });
    await refusal
      .getByText(
        /^People can be added to this cohort only during its enrolment window \(January 1, 2020 to January 31, 2020\)\./,
      )
      .waitFor();
    // The API's own (English) sentence is not shown beside it.
    await expect(refusal.innerText()).resolves.not.toContain('An administrator can widen');
    await checkAccessibility(page);
  });

  it('says so in its own words when the cohort was closed by someone else before removing a person', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Closed meanwhile ${suffix()}`);
    const learner = await signedUpLearner(system.baseUrl, 'Hyacinth Stays');
    await asPageOk(page, 'POST', `/api/studio/cohorts/${cohort.id}/members`, { email: learner.email });
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}`);
    await page.getByRole('button', { name: 'Remove Hyacinth Stays from the cohort' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Hyacinth Stays from the cohort?' });
    await asPageOk(page, 'POST', `/api/studio/cohorts/${cohort.id}/close`, {});
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog
      .getByRole('alert')
      .getByText('The cohort has been closed meanwhile: it can no longer be changed.', { exact: false })
      .waitFor();
    await expect(dialog.innerText()).resolves.not.toContain('can be read but no longer changed');
    await checkAccessibility(page);
  });

  it('closes a cohort after confirming; afterwards it can be read but not changed', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Auditors ${suffix()}`);
    const learner = await signedUpLearner(system.baseUrl, 'Fitzroy Auditor');
    await asPageOk(page, 'POST', `/api/studio/cohorts/${cohort.id}/members`, { email: learner.email });
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}`);
    await page.getByText(/ · Open · 1 member · 0 invited$/).waitFor();

    await page.getByRole('button', { name: 'Close cohort' }).click();
    const dialog = page.getByRole('dialog', { name: `Close ${cohort.name}?` });
    await checkAccessibility(page);
    await dialog.getByRole('button', { name: 'Close cohort' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'This cohort is closed' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'cohort-details-heading');

    // Read-only: the details as text, the people listed without actions, no way to add anyone.
    await expect(page.getByRole('button', { name: 'Save details' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Add to the cohort' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Import from a spreadsheet' }).count()).resolves.toBe(0);
    const table = page.getByRole('table', { name: `People in ${cohort.name}` });
    await table.getByRole('row').filter({ hasText: learner.email }).waitFor();
    await expect(table.getByRole('button').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Progress of the cohort' }).waitFor();
    await visit(page, page.url());

    const current = await asPageOk<CohortView>(page, 'GET', `/api/studio/cohorts/${cohort.id}`);
    expect(current.status).toBe('closed');
    const refused = await asPage(page, 'PATCH', `/api/studio/cohorts/${cohort.id}`, {
      version: current.version,
      name: 'Reopened?',
    });
    expect(refused.status).toBe(409);

    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/import`);
    await page
      .getByRole('status')
      .filter({ hasText: 'People cannot be imported into this cohort' })
      .waitFor();
  });

  it('shows a trainer only the cohorts they facilitate, and those read-only', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const trainers = await asPageOk<{ items: { id: string; email: string }[] }>(
      page,
      'GET',
      `/api/institutions/${await saintLuciaCentreId(page)}/members?role=trainer`,
    );
    const trainer = trainers.items.find((m) => m.email === DEMO.trainer.email)!;
    const hidden = await cohortViaApi(page, `Not facilitated ${suffix()}`);
    const facilitated = await cohortViaApi(page, `Facilitated ${suffix()}`, [trainer.id]);

    const trainerPage = await suite.anotherPage();
    await signInToStudio(trainerPage, system.baseUrl, DEMO.trainer);
    await trainerPage
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cohorts' })
      .click();
    await trainerPage.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
    await trainerPage.getByRole('link', { name: facilitated.name }).waitFor();
    await expect(trainerPage.getByRole('link', { name: hidden.name }).count()).resolves.toBe(0);
    await expect(trainerPage.getByRole('link', { name: 'New cohort' }).count()).resolves.toBe(0);
    await checkAccessibility(trainerPage);

    await trainerPage.getByRole('link', { name: facilitated.name }).click();
    await trainerPage.getByRole('heading', { level: 1, name: facilitated.name }).waitFor();
    await expect(trainerPage.getByRole('button', { name: 'Save details' }).count()).resolves.toBe(0);
    await expect(trainerPage.getByRole('button', { name: 'Close cohort' }).count()).resolves.toBe(0);
    await checkAccessibility(trainerPage);

    await visit(trainerPage, `${system.baseUrl}/studio/cohorts/${hidden.id}`);
    await trainerPage.getByRole('alert').filter({ hasText: 'The cohort could not be loaded' }).waitFor();
    await trainerPage.getByText('We could not find this. It may have been removed.').waitFor();
  });
});

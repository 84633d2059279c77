import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPage, asPageOk, saintLuciaCentreId } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

interface Assessment {
  id: string;
  title: string;
  revision: number;
}

interface Action {
  id: string;
  title: string;
  revision: number;
  status: string;
  progress: number;
  updates: { comment: string }[];
}

const suffix = () => randomBytes(3).toString('hex');

/** The default framework's first published version, which the API installs at start with a fixed id. */
const DEFAULT_VERSION_ID = '0d9ca000-0000-4000-8000-000000000002';

/** A Saint Lucia assessment with the demo learner taking part, moved on to `status` through the API. */
async function assessmentViaApi(page: Page, status: 'individual' | 'consensus'): Promise<Assessment> {
  let assessment = await asPageOk<Assessment>(page, 'POST', '/api/studio/dgca/assessments', {
    institutionId: await saintLuciaCentreId(page),
    subject: 'country',
    title: `Action planning ${suffix()}`,
    versionId: DEFAULT_VERSION_ID,
  });
  await asPageOk(page, 'POST', `/api/studio/dgca/assessments/${assessment.id}/participants`, {
    people: [{ email: DEMO.learner.email }],
  });
  for (const to of status === 'individual' ? ['individual'] : ['individual', 'consensus']) {
    assessment = await asPageOk<Assessment>(
      page,
      'POST',
      `/api/studio/dgca/assessments/${assessment.id}/status`,
      {
        revision: assessment.revision,
        to,
      },
    );
  }
  return assessment;
}

const actionsOf = async (page: Page, assessmentId: string) =>
  (await asPageOk<{ items: Action[] }>(page, 'GET', `/api/studio/dgca/assessments/${assessmentId}/actions`))
    .items;

/** Presses a control by keyboard: focus, then Enter. */
async function press(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
}

/** Fills a field by typing into it, as a keyboard user would. */
async function type(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

describe('studio: DGCA action plan', () => {
  const suite = browserSuite();

  it('plans an action by keyboard, with the refusals beside the fields, and shows the plan as a list, a roadmap and a matrix', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, 'consensus');
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}/actions`);
    await page.getByRole('heading', { level: 1, name: `Action plan: ${assessment.title}` }).waitFor();
    await page.getByText('There are no actions yet.').waitFor();
    await checkAccessibility(page);

    // An action without a title is refused; the summary links to the field.
    await press(page, page.getByRole('button', { name: 'New action', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'New action' });
    await dialog.waitFor();
    await checkAccessibility(page);
    await press(page, dialog.getByRole('button', { name: 'Add action' }));
    await dialog.locator('.arch-error-summary a[href="#action-title"]').waitFor();
    await expect(dialog.getByLabel('Title').getAttribute('aria-invalid')).resolves.toBe('true');
    await checkAccessibility(page);
    // So is an end before the start.
    await dialog.getByLabel('Dimension').selectOption('technology');
    await type(page, dialog.getByLabel('Title'), 'Move birth certificates online');
    await type(page, dialog.getByLabel('Owner', { exact: true }), 'Registry Office');
    await dialog.getByLabel('Start date').fill('2027-02-01');
    await dialog.getByLabel('End date').fill('2026-12-01');
    await press(page, dialog.getByRole('button', { name: 'Add action' }));
    await dialog.locator('.arch-error-summary a[href="#action-ends"]').waitFor();
    await expect(dialog.getByLabel('End date').getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.getByLabel('End date').fill('2027-09-30');
    await type(page, dialog.getByLabel('Indicator', { exact: true }), 'Certificates requested online');
    await type(page, dialog.getByLabel('Target', { exact: true }), '60% by September 2027');
    await type(page, dialog.getByLabel('Resources'), 'Two developers, scanning contractor');
    await dialog.getByLabel('Impact', { exact: true }).selectOption('3');
    await dialog.getByLabel('Do-ability', { exact: true }).selectOption('2');
    await press(page, dialog.getByRole('button', { name: 'Add action' }));
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Action Move birth certificates online added.').waitFor({ state: 'attached' });

    // A second action, with a lower priority and no dates, as another administrator would add it.
    await asPageOk(page, 'POST', `/api/studio/dgca/assessments/${assessment.id}/actions`, {
      dimensionKey: 'workforce-development',
      title: 'Digital skills for registry clerks',
      owner: 'Public Service Training Centre',
      impact: 1,
      feasibility: 2,
    });
    await visit(page, page.url());
    const table = page.getByRole('table', { name: 'Actions, highest priority first' });
    const row = (title: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });
    const first = row('Move birth certificates online');
    await first.getByText('High priority (score 6)').waitFor();
    await first.getByText('Registry Office').waitFor();
    await first.getByText('Target: 60% by September 2027').waitFor();
    await row('Digital skills for registry clerks').getByText('Low priority (score 2)').waitFor();
    // Highest priority first.
    await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual([
      'Move birth certificates online',
      'Digital skills for registry clerks',
    ]);
    await checkAccessibility(page);

    // Filters live in the address.
    await page.getByLabel('Status').selectOption('planned');
    await page.getByLabel('Dimension').selectOption('workforce-development');
    await press(page, page.getByRole('button', { name: 'Apply filters' }));
    await page.getByText('2 actions in the plan; 1 shown with these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('dimension')).toBe('workforce-development');
    await press(page, page.getByRole('button', { name: 'Clear filters' }));
    await page.getByText('2 actions in the plan.').waitFor();

    // The roadmap: a column per quarter, the bar said in words; the undated action listed apart.
    const views = page.getByRole('navigation', { name: 'Views of the plan' });
    await press(page, views.getByRole('link', { name: 'Roadmap by quarter' }));
    await page.getByRole('heading', { level: 2, name: 'Roadmap by quarter' }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('roadmap');
    await expect(
      views.getByRole('link', { name: 'Roadmap by quarter' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    const roadmap = page.getByRole('table', { name: 'Actions by calendar quarter, grouped by dimension' });
    await expect(roadmap.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Action',
      'Q1 2027',
      'Q2 2027',
      'Q3 2027',
    ]);
    const bar = roadmap.getByRole('row').filter({ hasText: 'Move birth certificates online' });
    await expect(bar.getByRole('cell').allTextContents()).resolves.toEqual(['Starts', 'Continues', 'Ends']);
    await page.getByRole('heading', { name: 'Actions without dates' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Digital skills for registry clerks \(/ })
      .waitFor();
    await checkAccessibility(page);

    // The matrix: impact by do-ability, each cell with its priority in words.
    await press(page, views.getByRole('link', { name: 'Priority matrix' }));
    const matrix = page.getByRole('table', { name: /^Actions by impact/ });
    const highImpact = matrix
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Impact: High' }) });
    await expect(highImpact.getByRole('cell').nth(1).innerText()).resolves.toMatch(
      /High priority \(score 6\)\s+Move birth certificates online \(Planned\)/,
    );
    await checkAccessibility(page);
  });

  it('posts progress updates, keeps an edit made elsewhere from being overwritten unasked, and deletes', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, 'consensus');
    const created = await asPageOk<Action>(
      page,
      'POST',
      `/api/studio/dgca/assessments/${assessment.id}/actions`,
      {
        dimensionKey: 'governance',
        title: 'Name a chief digital officer',
        impact: 3,
        feasibility: 3,
        startsOn: '2027-01-15',
        endsOn: '2027-03-31',
      },
    );
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}/actions`);
    const table = page.getByRole('table', { name: 'Actions, highest priority first' });

    // A progress update changes the status and the figure, and heads the log.
    await press(page, table.getByRole('button', { name: 'Progress Name a chief digital officer' }));
    const progress = page.getByRole('dialog', { name: 'Progress of Name a chief digital officer' });
    await progress.getByText('No updates yet.').waitFor();
    await checkAccessibility(page);
    await press(page, progress.getByRole('button', { name: 'Post update' }));
    await progress.locator('.arch-error-summary a[href="#progress-comment"]').waitFor();
    await type(page, progress.getByLabel('What has happened'), 'Cabinet paper drafted.');
    await progress.getByLabel('New status').selectOption('in-progress');
    await type(page, progress.getByLabel('Progress now (%)'), '40');
    await press(page, progress.getByRole('button', { name: 'Post update' }));
    await progress.getByText('Now: In progress, 40% done.').waitFor();
    // The form starts afresh: focus stays in the dialog, on the comment.
    await page.waitForFunction(() => document.activeElement?.id === 'progress-comment');
    const log = progress.getByRole('region', { name: 'Updates, newest first' });
    await log.getByText('Cabinet paper drafted.').waitFor();
    await log.getByText(/, Marcus Institution-Admin · status: In progress · progress: 40%$/).waitFor();
    await checkAccessibility(page);
    await press(page, progress.getByRole('button', { name: 'Close', exact: true }));
    await progress.waitFor({ state: 'hidden' });
    const row = table.getByRole('row').filter({ hasText: 'Name a chief digital officer' });
    await row.getByRole('cell', { name: 'In progress', exact: true }).waitFor();
    await row.getByRole('cell', { name: '40%', exact: true }).waitFor();

    // Someone else renames it while the form is open: saving here stops and asks.
    await press(page, table.getByRole('button', { name: 'Edit Name a chief digital officer' }));
    const edit = page.getByRole('dialog', { name: 'Edit Name a chief digital officer' });
    await type(page, edit.getByLabel('Owner', { exact: true }), 'Cabinet Office');
    const [current] = (await actionsOf(page, assessment.id)).filter((a) => a.id === created.id);
    await asPageOk(page, 'PATCH', `/api/studio/dgca/actions/${created.id}`, {
      revision: current!.revision,
      title: 'Appoint a chief digital officer',
    });
    await press(page, edit.getByRole('button', { name: 'Save action' }));
    const notice = edit.getByRole('alert').filter({ hasText: 'Someone else changed this action' });
    await notice.waitFor();
    await checkAccessibility(page);
    await press(page, notice.getByRole('button', { name: 'Discard my changes and show theirs' }));
    await expect(edit.getByLabel('Title').inputValue()).resolves.toBe('Appoint a chief digital officer');
    // The notice and its button are gone: focus rests on the first field, inside the dialog.
    await page.waitForFunction(() => document.activeElement?.id === 'action-title');
    await expect(edit.getByLabel('Owner', { exact: true }).inputValue()).resolves.toBe('');
    await type(page, edit.getByLabel('Owner', { exact: true }), 'Cabinet Office');
    await press(page, edit.getByRole('button', { name: 'Save action' }));
    await edit.waitFor({ state: 'hidden' });
    const [saved] = await actionsOf(page, assessment.id);
    expect(saved).toEqual(
      expect.objectContaining({
        title: 'Appoint a chief digital officer',
        status: 'in-progress',
        progress: 40,
      }),
    );

    // Deleting asks first; focus then rests on the view's heading, not on the page's top.
    await press(page, table.getByRole('button', { name: 'Delete Appoint a chief digital officer' }));
    const confirm = page.getByRole('dialog', { name: 'Delete Appoint a chief digital officer?' });
    await checkAccessibility(page);
    await press(page, confirm.getByRole('button', { name: 'Delete action' }));
    await page.getByText('There are no actions yet.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'plan-view-heading');
    await expect(actionsOf(page, assessment.id)).resolves.toEqual([]);
  });

  it('before the consensus round, says the plan has not started and offers no new action', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const assessment = await assessmentViaApi(page, 'individual');
    await visit(page, `${system.baseUrl}/studio/assessments/${assessment.id}/actions`);
    await page.getByRole('heading', { name: 'The action plan starts with the consensus round' }).waitFor();
    await expect(page.getByRole('button', { name: 'New action' }).count()).resolves.toBe(0);
    await checkAccessibility(page);
    // The page's strings come with it, in the reader's language, and follow a switch.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: `Plan de acción: ${assessment.title}` }).waitFor();
    await page.getByRole('heading', { name: 'El plan de acción empieza con la ronda de consenso' }).waitFor();
    await checkAccessibility(page);
    await page.getByLabel('Idioma').selectOption('fr');
    await page
      .getByRole('heading', { name: 'Le plan d’action commence avec le tour de consensus' })
      .waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { level: 1, name: `Action plan: ${assessment.title}` }).waitFor();
    // The API refuses as well, and says why.
    const refused = await asPage<{ code?: string }>(
      page,
      'POST',
      `/api/studio/dgca/assessments/${assessment.id}/actions`,
      { dimensionKey: 'strategy', title: 'Too early', impact: 2, feasibility: 2 },
    );
    expect(refused.status).toBe(409);
  });
});

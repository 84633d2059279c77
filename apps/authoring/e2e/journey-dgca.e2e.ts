import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Locator, Page } from 'playwright-core';
import { checkAccessibility, signUpToApi, visit, type ApiSession } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPageOk } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/*
 * Journey 5 of PRODUCT.md: a platform administrator runs a DGCA self-assessment of Saint Lucia
 * with a country team. Studio pages for the facilitator, the learner app for the participants.
 */

const CENTRE = 'Saint Lucia Public Service Training Centre (demo)';
const PASSWORD = 'the pitons at dawn from Soufrière';

interface Statement {
  id: string;
  text: string;
}
interface Dimension {
  key: string;
  name: string;
  statements: Statement[];
}
interface MyAssessment {
  scale: { value: number; label: string }[];
  dimensions: Dimension[];
}

const tag = () => randomBytes(3).toString('hex');

/** The invitation link last mailed to the address, as a path on the system under test. */
async function invitationLink(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query<{ text_body: string }>(
        `SELECT text_body FROM mail_message WHERE recipient = $1 ORDER BY created_at DESC`,
        [email],
      );
      for (const row of rows) {
        const link = /https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec(row.text_body)?.[0];
        if (link) {
          const url = new URL(link);
          return `${url.pathname}${url.search}`;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no invitation mailed to ${email}`);
  } finally {
    await client.end();
  }
}

/** Presses a control by keyboard: focus, then Enter. */
async function press(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
}

/** Types into a field, as a keyboard user would. */
async function type(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** Confirms a step of the round on the assessment page, in its dialog. */
async function moveRound(page: Page, button: string, dialogTitle: string) {
  await press(page, page.getByRole('button', { name: button }));
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  await checkAccessibility(page);
  await press(page, dialog.getByRole('button', { name: button }));
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Rates every statement through the API as one participant, `pick` choosing a value from the
 * statement's dimension. Leadership and strategy are rated high by some and low by others; the
 * rest is rated low by everyone, so they come out as the gaps.
 */
async function rateAll(
  call: (method: 'GET' | 'PUT', path: string, body?: unknown) => Promise<unknown>,
  assessmentId: string,
  pick: (dimension: Dimension) => number,
) {
  const view = (await call('GET', `/api/me/assessments/${assessmentId}`)) as MyAssessment;
  for (const dimension of view.dimensions)
    for (const statement of dimension.statements)
      await call('PUT', `/api/me/assessments/${assessmentId}/ratings/${statement.id}`, {
        value: pick(dimension),
      });
}

const sessionCall = (session: ApiSession) => (method: 'GET' | 'PUT', path: string, body?: unknown) =>
  method === 'GET' ? session.get(path) : session.put(path, body);

const pageCall = (page: Page) => (method: 'GET' | 'PUT', path: string, body?: unknown) =>
  asPageOk(page, method, path, body);

const HIGH_AT_THE_TOP = new Set(['leadership', 'strategy']);

describe('journey 5: a country team runs a DGCA self-assessment and turns its gaps into an action plan', () => {
  const suite = browserSuite();

  it('invites the team, rates, agrees, gets the profile, plans actions and exports the plan', async () => {
    const { page, system } = suite;
    const title = `Saint Lucia digital government self-assessment ${tag()}`;

    // Two of the team have accounts; the third is invited by e-mail.
    const colleague = await signUpToApi(system.baseUrl, {
      email: `desmond.${tag()}@gov.lc`,
      password: PASSWORD,
      displayName: 'Desmond Charles',
    });
    const inviteeEmail = `keisha.${tag()}@gov.lc`;

    // The platform administrator creates the assessment in the Studio.
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    await press(
      page,
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Assessments' }),
    );
    await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
    await checkAccessibility(page);
    await press(page, page.getByRole('link', { name: 'New assessment' }));
    await page.getByRole('heading', { level: 1, name: 'New assessment' }).waitFor();
    await page.getByLabel('Run by').selectOption({ label: CENTRE });
    await page.getByRole('radio', { name: "A country's digital government as a whole" }).check();
    await type(page, page.getByLabel('Country', { exact: true }), 'LC');
    await expect(page.getByLabel('Framework').locator('option:checked').textContent()).resolves.toMatch(
      /^Digital government capability .*, version 1$/,
    );
    await type(page, page.getByLabel('Title'), title);
    await page.getByLabel('Individual answers due on').fill('2027-01-29');
    await page.getByLabel('Consensus meeting on').fill('2027-02-05');
    await checkAccessibility(page);
    await press(page, page.getByRole('button', { name: 'Create assessment' }));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const assessmentId = /\/assessments\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await checkAccessibility(page);

    // The team: two accounts join at once, the third is invited to sign up.
    await type(
      page,
      page.getByLabel('People', { exact: true }),
      `${DEMO.learner.email}\n${colleague.me.user.email}\nKeisha Invitee <${inviteeEmail}>`,
    );
    await press(page, page.getByRole('button', { name: 'Add people', exact: true }));
    const outcomes = page.getByRole('list', { name: 'What happened to each address' });
    await outcomes.getByText(`${DEMO.learner.email} is now a participant.`).waitFor();
    await outcomes.getByText(`${colleague.me.user.email} is now a participant.`).waitFor();
    await outcomes.getByText(`${inviteeEmail} was invited to sign up.`).waitFor();
    await checkAccessibility(page);

    // The invitee accepts in the learner app, in a browser of their own, and joins the assessment.
    const invitee = await suite.anotherPage();
    await visit(invitee, `${system.baseUrl}${await invitationLink(system.database.url, inviteeEmail)}`);
    await invitee.getByLabel('Full name').fill('Keisha Invitee');
    await invitee.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await checkAccessibility(invitee);
    await invitee.getByRole('button', { name: 'Create my account and join' }).click();
    await invitee.getByRole('navigation', { name: 'Main navigation' }).getByText('Keisha Invitee').waitFor();
    await visit(page, page.url());
    await page
      .getByRole('table', { name: `Participants in ${title}` })
      .getByRole('row')
      .filter({ hasText: inviteeEmail })
      .filter({ hasText: 'Keisha Invitee' })
      .waitFor();

    // The individual round opens.
    await moveRound(page, 'Open the individual round', `Open the individual round of ${title}?`);
    await page.getByRole('button', { name: 'Start the consensus round' }).waitFor();

    // The demo learner rates every statement in the learner app, by keyboard.
    const learner = await suite.anotherPage();
    await visit(learner, `${system.baseUrl}/assessments`);
    await learner.waitForURL(/\/sign-in/);
    await learner.getByLabel('E-mail address').fill(DEMO.learner.email);
    await learner.getByLabel('Password', { exact: true }).fill(DEMO.learner.password);
    await learner.getByRole('button', { name: 'Sign in' }).click();
    await learner.getByRole('heading', { level: 1, name: 'Self-assessments' }).waitFor();
    await checkAccessibility(learner);
    await press(learner, learner.getByRole('link', { name: `Rate the statements for “${title}”` }));
    await learner.getByRole('heading', { level: 1, name: title }).waitFor();
    const mine = await asPageOk<MyAssessment>(learner, 'GET', `/api/me/assessments/${assessmentId}`);
    const total = mine.dimensions.reduce((sum, d) => sum + d.statements.length, 0);
    for (const [index, dimension] of mine.dimensions.entries()) {
      await learner
        .getByRole('heading', {
          level: 2,
          name: `Dimension ${index + 1} of ${mine.dimensions.length}: ${dimension.name}`,
        })
        .waitFor();
      // A new dimension's heading takes focus in an effect after it is drawn: wait for that, or it
      // takes focus back from the radio focused below.
      if (index > 0)
        await learner.waitForFunction(() => document.activeElement?.id === 'rating-dimension-heading');
      // Space chooses the focused level; leadership and strategy get a 2, the rest a 1.
      await learner
        .getByRole('group', { name: dimension.statements[0]!.text })
        .getByRole('radio')
        .first()
        .focus();
      for (const [position, statement] of dimension.statements.entries()) {
        if (position > 0) {
          // From the chosen level: past "Add a comment", to the next statement's scale.
          await learner.keyboard.press('Tab');
          await learner.keyboard.press('Tab');
        }
        await learner.keyboard.press('Space');
        if (HIGH_AT_THE_TOP.has(dimension.key)) await learner.keyboard.press('ArrowDown');
        const level = HIGH_AT_THE_TOP.has(dimension.key) ? mine.scale[1]! : mine.scale[0]!;
        await expect(
          learner
            .getByRole('group', { name: statement.text })
            .getByRole('radio', { name: `${level.value} ${level.label}`, exact: true })
            .isChecked(),
        ).resolves.toBe(true);
      }
      if (index === 0) await checkAccessibility(learner);
      const next = mine.dimensions[index + 1];
      if (next) await press(learner, learner.getByRole('link', { name: `Next dimension: ${next.name}` }));
    }
    await learner.getByText(`${total} of ${total} statements answered`).first().waitFor();
    await press(learner, learner.getByRole('button', { name: 'Submit my answers' }));
    await learner.getByText('Your answers are submitted. Thank you.').waitFor({ state: 'attached' });
    await checkAccessibility(learner);

    // The other two rate through the API: one high and one low at the top, both low elsewhere.
    await rateAll(sessionCall(colleague), assessmentId, (d) => (HIGH_AT_THE_TOP.has(d.key) ? 5 : 2));
    await rateAll(pageCall(invitee), assessmentId, () => 1);

    // The facilitator closes the individual round and runs the consensus round.
    await visit(page, page.url());
    await moveRound(page, 'Start the consensus round', `Start the consensus round of ${title}?`);
    await press(page, page.getByRole('link', { name: 'Consensus round' }));
    await page.getByRole('heading', { level: 1, name: `Consensus round: ${title}` }).waitFor();
    await page.getByText('3 participants rated at least one statement.', { exact: false }).waitFor();
    const leadership = mine.dimensions[0]!;
    await page.getByRole('heading', { level: 2, name: leadership.name }).waitFor();
    // Ratings of 1, 2 and 5: both ends of the scale, flagged in words; nobody is named.
    await page.getByText('Strong disagreement.').first().waitFor();
    await expect(page.getByText('Desmond Charles').count()).resolves.toBe(0);
    await expect(page.getByText('Keisha Invitee').count()).resolves.toBe(0);
    await checkAccessibility(page);
    for (const number of [1, 2]) {
      const form = page
        .locator('form')
        .filter({ has: page.getByRole('group', { name: `Agreed rating for statement ${number}` }) });
      await form.getByRole('radio', { name: /^3 – / }).check();
      await type(page, form.getByLabel('Notes'), 'Agreed after discussing the Cabinet minutes.');
      await press(page, form.getByRole('button', { name: 'Save agreed rating' }));
      await form.getByText(/^Recorded on /).waitFor();
    }
    await page.getByText(`2 of ${total} statements have an agreed rating.`, { exact: false }).waitFor();

    // Complete, and the profile: radar, table, strengths and gaps, Saint Lucia's E-Government indices.
    await press(page, page.getByRole('link', { name: title }));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await moveRound(page, 'Complete the assessment', `Complete ${title}?`);
    await press(page, page.getByRole('link', { name: 'Capability profile' }));
    await page.getByRole('heading', { level: 1, name: `Results: ${title}` }).waitFor();
    await page.getByRole('img', { name: /^Capability profile by dimension/ }).waitFor();
    const profile = page.getByRole('table', { name: 'Capability profile by dimension' });
    await profile.getByRole('rowheader', { name: leadership.name }).waitFor();
    await page.getByRole('heading', { name: 'UN E-Government Survey 2024' }).waitFor();
    await page.getByText('0.5255').waitFor();
    await page
      .getByText(/Saint Lucia/)
      .first()
      .waitFor();
    await checkAccessibility(page);

    // The action plan, from the gaps.
    await press(page, page.getByRole('link', { name: 'Action plan' }));
    await page.getByRole('heading', { level: 1, name: `Action plan: ${title}` }).waitFor();
    await checkAccessibility(page);
    const gaps = page.getByRole('region', { name: 'Gaps to close' });
    const firstGap = gaps.getByRole('button').first();
    await press(page, firstGap);
    let dialog = page.getByRole('dialog', { name: 'New action' });
    const gapKey = await dialog.getByLabel('Dimension').inputValue();
    expect(HIGH_AT_THE_TOP.has(gapKey)).toBe(false);
    await type(page, dialog.getByLabel('Title'), 'Publish a digital government strategy');
    await type(page, dialog.getByLabel('Owner', { exact: true }), 'Department of Public Service');
    await dialog.getByLabel('Start date').fill('2027-03-01');
    await dialog.getByLabel('End date').fill('2027-10-31');
    await type(page, dialog.getByLabel('Indicator', { exact: true }), 'Strategy adopted by Cabinet');
    await type(page, dialog.getByLabel('Target', { exact: true }), 'Adopted by October 2027');
    await dialog.getByLabel('Impact', { exact: true }).selectOption('3');
    await dialog.getByLabel('Do-ability', { exact: true }).selectOption('3');
    await checkAccessibility(page);
    await press(page, dialog.getByRole('button', { name: 'Add action' }));
    await dialog.waitFor({ state: 'hidden' });

    const secondGap = gaps.getByRole('button').nth(1);
    await press(page, secondGap);
    dialog = page.getByRole('dialog', { name: 'New action' });
    await type(page, dialog.getByLabel('Title'), 'Train registry staff in digital services');
    await type(page, dialog.getByLabel('Owner', { exact: true }), 'Public Service Training Centre');
    await dialog.getByLabel('Start date').fill('2027-06-01');
    await dialog.getByLabel('End date').fill('2028-03-31');
    await type(page, dialog.getByLabel('Indicator', { exact: true }), 'Clerks trained');
    await type(page, dialog.getByLabel('Target', { exact: true }), '120 clerks');
    await dialog.getByLabel('Impact', { exact: true }).selectOption('2');
    await dialog.getByLabel('Do-ability', { exact: true }).selectOption('2');
    await press(page, dialog.getByRole('button', { name: 'Add action' }));
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Actions, highest priority first' });
    // The list is read again after the dialog closes: wait for the new row before reading them all.
    await table.getByRole('rowheader', { name: 'Train registry staff in digital services' }).waitFor();
    await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual([
      'Publish a digital government strategy',
      'Train registry staff in digital services',
    ]);

    // A progress update.
    await press(page, table.getByRole('button', { name: 'Progress Publish a digital government strategy' }));
    const progress = page.getByRole('dialog', { name: 'Progress of Publish a digital government strategy' });
    await type(page, progress.getByLabel('What has happened'), 'First draft shared with ministries.');
    await progress.getByLabel('New status').selectOption('in-progress');
    await type(page, progress.getByLabel('Progress now (%)'), '25');
    await press(page, progress.getByRole('button', { name: 'Post update' }));
    await progress
      .getByRole('region', { name: 'Updates, newest first' })
      .getByText('First draft shared with ministries.')
      .waitFor();
    await checkAccessibility(page);
    await press(page, progress.getByRole('button', { name: 'Close', exact: true }));
    await table
      .getByRole('row')
      .filter({ hasText: 'Publish a digital' })
      .getByRole('cell', { name: '25%' })
      .waitFor();

    // The roadmap and the matrix.
    const views = page.getByRole('navigation', { name: 'Views of the plan' });
    await press(page, views.getByRole('link', { name: 'Roadmap by quarter' }));
    const roadmap = page.getByRole('table', { name: 'Actions by calendar quarter, grouped by dimension' });
    // The view changes after the navigation renders: allTextContents() does not wait for it.
    await roadmap.waitFor();
    await expect(roadmap.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Action',
      'Q1 2027',
      'Q2 2027',
      'Q3 2027',
      'Q4 2027',
      'Q1 2028',
    ]);
    await checkAccessibility(page);
    await press(page, views.getByRole('link', { name: 'Priority matrix' }));
    const matrix = page.getByRole('table', { name: /^Actions by impact/ });
    await matrix.getByText('Publish a digital government strategy (In progress)').waitFor();
    await matrix.getByText('Train registry staff in digital services (Planned)').waitFor();
    await checkAccessibility(page);

    // The exports: the plan as CSV (both actions with owners and indicators) and as PDF.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the plan (CSV)' }).click(),
    ]);
    const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\ufeff/, '');
    const [header, ...rows] = csv.trim().split(/\r\n/);
    expect(header).toMatch(/^Dimension,Action,Description,Owner,Start,End,Start quarter,End quarter,/);
    expect(rows).toHaveLength(2);
    expect(csv).toContain('Publish a digital government strategy');
    expect(csv).toContain('Department of Public Service');
    expect(csv).toContain('Strategy adopted by Cabinet');
    expect(csv).toContain('First draft shared with ministries.');
    expect(csv).toContain('120 clerks');
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the plan (PDF)' }).click(),
    ]);
    const pdf = await readFile((await pdfDownload.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
  }, 300_000);
});

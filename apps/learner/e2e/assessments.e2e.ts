import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi, type ApiSession } from './api-helpers';
import { ADMIN } from './certificate-fixtures';
import { newLearner, PASSWORD } from './learning-fixtures';

// A DGCA self-assessment seen by a participant in the learner app. The facilitator's side (Studio)
// is played through the API by the demo platform administrator.

const SAINT_LUCIA_MINISTRY = 'Saint Lucia Ministry of the Public Service (demo)';

interface Scale {
  value: number;
  label: string;
}
interface Dimension {
  key: string;
  name: string;
  statements: { id: string; text: string }[];
}
interface MyAssessment {
  id: string;
  title: string;
  scale: Scale[];
  dimensions: Dimension[];
}
interface Created {
  id: string;
  revision: number;
}

const unique = (text: string) =>
  `${text} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** An assessment of Saint Lucia on the default framework, with these people as participants, open for rating. */
async function openAssessment(admin: ApiSession, title: string, emails: string[]): Promise<Created> {
  const frameworks = await admin.get<{ items: { published: { versionId: string } | null }[] }>(
    '/api/studio/dgca/frameworks',
  );
  const versionId = frameworks.items.find((item) => item.published)!.published!.versionId;
  const institutions = await admin.get<{ items: { id: string; name: string }[] }>(
    '/api/institutions?country=LC',
  );
  const ministry = institutions.items.find((item) => item.name === SAINT_LUCIA_MINISTRY)!;
  const created = await admin.post<Created>('/api/studio/dgca/assessments', {
    institutionId: ministry.id,
    subject: 'country',
    country: 'LC',
    title,
    versionId,
    individualDueOn: '2027-01-29',
  });
  await admin.post(`/api/studio/dgca/assessments/${created.id}/participants`, {
    people: emails.map((email) => ({ email })),
  });
  return moveTo(admin, created, 'individual');
}

async function moveTo(admin: ApiSession, assessment: Created, to: string): Promise<Created> {
  const moved = await admin.post<Created>(`/api/studio/dgca/assessments/${assessment.id}/status`, {
    revision: assessment.revision,
    to,
  });
  return { id: assessment.id, revision: moved.revision };
}

/** Rates every statement not yet rated, as the participant would through the API. */
async function rateTheRest(participant: ApiSession, id: string, pick: (index: number) => number | null) {
  const view = await participant.get<
    MyAssessment & { ratings: { statementId: string; value: number | null; dontKnow: boolean }[] }
  >(`/api/me/assessments/${id}`);
  const done = new Set(
    view.ratings
      .filter((rating) => rating.value !== null || rating.dontKnow)
      .map((rating) => rating.statementId),
  );
  let index = 0;
  for (const dimension of view.dimensions) {
    for (const statement of dimension.statements) {
      index += 1;
      if (done.has(statement.id)) continue;
      const value = pick(index);
      await participant.put(
        `/api/me/assessments/${id}/ratings/${statement.id}`,
        value === null ? { dontKnow: true } : { value },
      );
    }
  }
}

async function signIn(page: Page, baseUrl: string, path: string, email: string) {
  await visit(page, `${baseUrl}${path}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

/** Whether leaving the page now would ask first (a beforeunload listener cancels the event). */
const leavingWarns = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

const levelName = (level: Scale) => `${level.value} ${level.label}`;

describe('self-assessments in the learner app', () => {
  const suite = browserSuite();

  it('lets a participant rate by keyboard, keeps the answers across a reload, and shows the round closing', async () => {
    const { page, system } = suite;
    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const email = await newLearner(system.baseUrl, 'Marcia Joseph');
    const participant = await signInToApi(system.baseUrl, email, PASSWORD);
    const title = unique('Saint Lucia digital government self-assessment');
    let assessment = await openAssessment(admin, title, [email]);
    const view = await participant.get<MyAssessment>(`/api/me/assessments/${assessment.id}`);
    const [first, second] = view.dimensions as [Dimension, Dimension];
    const total = view.dimensions.reduce((sum, dimension) => sum + dimension.statements.length, 0);

    // The list: the assessment, its stage and an empty progress.
    await signIn(page, system.baseUrl, '/assessments', email);
    await page.getByRole('heading', { level: 1, name: 'Self-assessments' }).waitFor();
    await page.getByRole('link', { name: 'Assessments', exact: true }).waitFor();
    const entry = page.locator('.assessment-entry').filter({ hasText: title });
    await expect(entry.textContent()).resolves.toContain('Individual round');
    await expect(entry.textContent()).resolves.toContain(`0 of ${total} statements answered`);
    await checkAccessibility(page);
    await entry.getByRole('link', { name: `Rate the statements for “${title}”` }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: `Dimension 1 of ${view.dimensions.length}: ${first.name}` })
      .waitFor();
    await checkAccessibility(page);

    // Keyboard only: Tab reaches a statement's scale, Space chooses the focused level, the arrow
    // keys move along it (wrapping from the first level to "Don't know").
    const scale = view.scale;
    const groupOf = (text: string) => page.getByRole('group', { name: text });
    await groupOf(first.statements[0]!.text).getByRole('radio').first().focus();
    const chosen: string[] = [];
    for (const [index, statement] of first.statements.entries()) {
      if (index > 0) {
        // From the last radio: the "Add a comment" summary, then the next statement's scale.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Space');
      if (index === first.statements.length - 1) {
        await page.keyboard.press('ArrowUp');
        chosen.push("Don't know");
      } else {
        for (let step = 0; step < index % scale.length; step += 1) await page.keyboard.press('ArrowDown');
        chosen.push(levelName(scale[index % scale.length]!));
      }
      const group = groupOf(statement.text);
      await expect(group.getByRole('radio', { name: chosen[index]!, exact: true }).isChecked()).resolves.toBe(
        true,
      );
    }
    // The first statement gets a comment and a link, also from the keyboard.
    await groupOf(first.statements[0]!.text).getByRole('radio', { name: chosen[0]!, exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The digital strategy was approved by Cabinet in 2025.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://www.govt.lc/digital-strategy');
    // Leaving within the typing pause asks first (and sends what was typed).
    await expect(leavingWarns(page)).resolves.toBe(true);
    await page.keyboard.press('Tab');
    const statements = page.locator('.rating-statement');
    for (let index = 0; index < first.statements.length; index += 1)
      await statements
        .nth(index)
        .getByText(/^Saved at /)
        .waitFor();
    await page
      .locator('[aria-live="polite"]')
      .filter({ hasText: /statement \d: saved\./ })
      .waitFor();
    await page.getByText(`${first.statements.length} of ${total} statements answered`).first().waitFor();
    await expect(leavingWarns(page)).resolves.toBe(false);
    await checkAccessibility(page);

    // A link that is not a web address is refused on the page, with the reason.
    const wrongLink = statements.nth(1);
    await wrongLink.getByText('Add a comment or evidence (optional)').click();
    await wrongLink.getByLabel('Evidence link').fill('minutes of the March meeting');
    await wrongLink.getByLabel('Evidence link').blur();
    await wrongLink.getByText('Not saved: the evidence link must be a web address').waitFor();
    // Emptying the field keeps it open and focused (the box of notes does not close under it).
    await wrongLink.getByLabel('Evidence link').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect(
      wrongLink.locator('details').evaluate((details: HTMLDetailsElement) => details.open),
    ).resolves.toBe(true);
    await expect(
      wrongLink.getByLabel('Evidence link').evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
    await wrongLink.getByLabel('Evidence link').blur();
    await wrongLink.getByText(/^Saved at /).waitFor();

    // A reload keeps everything: the choices, the comment and the link.
    await page.reload({ waitUntil: 'networkidle' });
    for (const [index, statement] of first.statements.entries()) {
      await expect(
        groupOf(statement.text).getByRole('radio', { name: chosen[index]!, exact: true }).isChecked(),
      ).resolves.toBe(true);
    }
    await expect(statements.first().getByLabel('Comment').inputValue()).resolves.toBe(
      'The digital strategy was approved by Cabinet in 2025.',
    );
    await expect(statements.first().getByLabel('Evidence link').inputValue()).resolves.toBe(
      'https://www.govt.lc/digital-strategy',
    );
    await checkAccessibility(page);

    // Submitting before every statement has an answer says where answers are missing.
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some statements have no answer yet' }).waitFor();
    await page
      .getByRole('link', { name: `${second.name}: ${second.statements.length} statements left` })
      .waitFor();
    // The next dimension, from the keyboard: its heading takes focus.
    await page.getByRole('link', { name: `Next dimension: ${second.name}` }).focus();
    await page.keyboard.press('Enter');
    const secondHeading = page.getByRole('heading', {
      level: 2,
      name: `Dimension 2 of ${view.dimensions.length}: ${second.name}`,
    });
    await secondHeading.waitFor();
    // The heading takes focus in an effect after the new dimension is drawn: wait for it.
    await page.waitForFunction(() => document.activeElement?.id === 'rating-dimension-heading');
    await expect(secondHeading.textContent()).resolves.toContain(second.name);
    expect(page.url()).toContain(`dimension=${second.key}`);

    // The rest through the API, then submit on the page.
    await rateTheRest(participant, assessment.id, (index) => (index % 4) + 1);
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByText(`${total} of ${total} statements answered`).first().waitFor();
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await page.getByText(/^You submitted your answers on /).waitFor();
    await page.locator('[aria-live="polite"]').filter({ hasText: 'Your answers are submitted.' }).waitFor();

    // The facilitator closes the round while the page is open: the next change is refused and said.
    assessment = await moveTo(admin, assessment, 'consensus');
    const open = groupOf(second.statements[0]!.text);
    const savedLevel = (await open.getByRole('radio', { checked: true }).getAttribute('value'))!;
    await open.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('alert').filter({ hasText: 'The individual round has just closed' }).waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    // "Your rating" is the one the API kept, not the refused change.
    const savedLabel = scale.find((level) => String(level.value) === savedLevel)!.label;
    const refusedOne = statements.filter({ hasText: second.statements[0]!.text });
    await expect(refusedOne.locator('dd').first().textContent()).resolves.toBe(
      `${savedLevel} – ${savedLabel}`,
    );
    await checkAccessibility(page);

    // Later: read-only, with the participant's own answers and why nothing can change.
    await visit(page, `${system.baseUrl}/assessments/${assessment.id}?dimension=${first.key}`);
    await page.getByRole('heading', { level: 2, name: 'The individual round is closed' }).waitFor();
    await page.getByText('Ratings can no longer be changed.', { exact: false }).waitFor();
    await expect(page.getByRole('radio').count()).resolves.toBe(0);
    const kept = statements.first();
    await expect(kept.textContent()).resolves.toContain(chosen[0]!.replace(' ', ' – '));
    await expect(kept.textContent()).resolves.toContain(
      'The digital strategy was approved by Cabinet in 2025.',
    );
    await expect(page.getByRole('button', { name: 'Submit my answers' }).count()).resolves.toBe(0);
    await visit(page, `${system.baseUrl}/assessments`);
    await expect(entry.textContent()).resolves.toContain('Consensus round');
    // The page's strings come with it, in the reader's language, and follow a switch.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Autoevaluaciones' }).waitFor();
    await entry.getByText('Ronda de consenso').waitFor();
    await checkAccessibility(page);
    await page.getByLabel('Idioma').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Autoévaluations' }).waitFor();
    await entry.getByText('Tour de consensus').waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Self-assessments' }).waitFor();
    await expect(entry.textContent()).resolves.toContain(`${total} of ${total} statements answered`);

    // Results are not ready before the facilitator completes the assessment.
    await visit(page, `${system.baseUrl}/assessments/${assessment.id}/results`);
    await page.getByRole('heading', { level: 1, name: 'Results not ready yet' }).waitFor();
  });

  it('shows the team’s results and action plan once completed, and takes a progress update', async () => {
    const { page, system } = suite;
    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const emails = [
      await newLearner(system.baseUrl, 'Dwayne Charles'),
      await newLearner(system.baseUrl, 'Kezia Alexander'),
      await newLearner(system.baseUrl, 'Joel Edmund'),
    ];
    const title = unique('Saint Lucia capability review');
    let assessment = await openAssessment(admin, title, emails);
    for (const [person, email] of emails.entries()) {
      const participant = await signInToApi(system.baseUrl, email, PASSWORD);
      await rateTheRest(participant, assessment.id, (index) => ((index + person) % 5) + 1);
    }
    assessment = await moveTo(admin, assessment, 'consensus');
    const participant = await signInToApi(system.baseUrl, emails[0]!, PASSWORD);
    const view = await participant.get<MyAssessment>(`/api/me/assessments/${assessment.id}`);
    const weakest = view.dimensions[0]!;
    for (const statement of weakest.statements)
      await admin.put(`/api/studio/dgca/assessments/${assessment.id}/consensus/${statement.id}`, {
        value: 1,
        notes: 'Agreed in the workshop.',
      });
    const action = await admin.post<{ id: string }>(`/api/studio/dgca/assessments/${assessment.id}/actions`, {
      dimensionKey: weakest.key,
      title: 'Name a chief digital officer',
      owner: 'Permanent Secretary, Public Service',
      startsOn: '2027-01-04',
      endsOn: '2027-06-30',
      indicator: 'Appointment published in the Gazette',
      target: 'By the end of June 2027',
      impact: 3,
      feasibility: 2,
    });
    assessment = await moveTo(admin, assessment, 'completed');

    await signIn(page, system.baseUrl, '/assessments', emails[0]!);
    const entry = page.locator('.assessment-entry').filter({ hasText: title });
    await expect(entry.textContent()).resolves.toContain('Completed');
    await entry.getByRole('link', { name: `See the results and action plan for “${title}”` }).click();
    await page.getByRole('heading', { level: 1, name: `Results: ${title}` }).waitFor();
    await page.getByRole('img', { name: /Capability profile by dimension/ }).waitFor();
    const table = page.getByRole('table', { name: 'Scores by dimension' });
    await expect(table.getByRole('row').count()).resolves.toBe(view.dimensions.length + 1);
    const weakestRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: weakest.name }) });
    await expect(weakestRow.textContent()).resolves.toContain('1.0');
    await page.getByRole('heading', { level: 2, name: 'Areas to develop' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `${weakest.name} (score 1.0)` })
      .first()
      .waitFor();
    // The E-Government Survey figures for Saint Lucia, with their source.
    const egov = page.getByRole('region', { name: 'E-Government Survey context' });
    // The country's name is the browser's (Intl.DisplayNames): "St. Lucia" in English.
    await egov.getByText(/Lucia in the United Nations E-Government Survey 2024/).waitFor();
    await egov.getByRole('link', { name: 'United Nations E-Government Survey 2024' }).waitFor();
    const pdfHref = await page.getByRole('link', { name: 'Download the results (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${system.baseUrl}${pdfHref!}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await checkAccessibility(page);

    // The action plan: read-only, with a progress update any participant may post.
    const plan = page.getByRole('region', { name: 'Action plan' });
    const card = plan.getByRole('article', { name: 'Name a chief digital officer' });
    await expect(card.textContent()).resolves.toContain('Permanent Secretary, Public Service');
    await expect(card.textContent()).resolves.toContain('High (impact 3 × do-ability 2 = 6)');
    await expect(card.textContent()).resolves.toContain('No progress reported yet.');
    await card.getByText('Report progress').click();
    await card.getByRole('button', { name: 'Post the update' }).click();
    await card.getByText('Write a short comment on the progress').waitFor();
    await checkAccessibility(page);
    await card.getByLabel('What has happened?').fill('The post was advertised on 15 January.');
    await card.getByLabel('Status now').selectOption('in-progress');
    await card.getByLabel('Progress (percent)').fill('25');
    await card.getByRole('button', { name: 'Post the update' }).click();
    await card.getByText('The post was advertised on 15 January.').waitFor();
    await card.getByText('25% done').first().waitFor();
    await page.locator('[aria-live="polite"]').filter({ hasText: 'Progress update posted' }).waitFor();
    const stored = await participant.get<{ items: { id: string; status: string; progress: number }[] }>(
      `/api/me/assessments/${assessment.id}/actions`,
    );
    expect(stored.items.find((item) => item.id === action.id)).toMatchObject({
      status: 'in-progress',
      progress: 25,
    });
    await checkAccessibility(page);
  });

  it('draws no empty "average" line when individual figures are withheld', async () => {
    const { page, system } = suite;
    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const email = await newLearner(system.baseUrl, 'Lena Felix');
    let assessment = await openAssessment(admin, unique('Saint Lucia small-team review'), [email]);
    const participant = await signInToApi(system.baseUrl, email, PASSWORD);
    await rateTheRest(participant, assessment.id, () => 2);
    assessment = await moveTo(admin, assessment, 'consensus');
    const view = await participant.get<MyAssessment>(`/api/me/assessments/${assessment.id}`);
    await admin.put(
      `/api/studio/dgca/assessments/${assessment.id}/consensus/${view.dimensions[0]!.statements[0]!.id}`,
      { value: 3 },
    );
    assessment = await moveTo(admin, assessment, 'completed');
    await signIn(page, system.baseUrl, `/assessments/${assessment.id}/results`, email);
    await page.getByRole('heading', { level: 2, name: 'Individual averages are hidden' }).waitFor();
    const legend = page.locator('figure.arch-radar li');
    await legend.filter({ hasText: 'Agreed rating' }).waitFor();
    // One rater: no average is shown anywhere, so the legend does not promise a line for one.
    await expect(legend.filter({ hasText: 'Average of individual ratings' }).count()).resolves.toBe(0);
    await checkAccessibility(page);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, signInToApi, signUpToApi, visit, type ApiSession } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO, signInToStudio } from './studio-helpers';

/*
 * The DGCA consensus round, results and regional profile in the Studio. Assessments are set up
 * through the API: the platform admin opens them, participants (signed up for the test) rate every
 * statement as they would in the learner app, and the admin moves them on. The browser then shows
 * what a facilitator sees: never who rated what.
 */

const PASSWORD = 'the Pitons at sunrise from Soufrière';

interface Statement {
  id: string;
  text: string;
}
interface Dimension {
  key: string;
  name: string;
  statements: Statement[];
}
interface Version {
  id: string;
  scale: { value: number; label: string }[];
  dimensions: Dimension[];
}
interface AssessmentView {
  id: string;
  title: string;
  revision: number;
  status: string;
}

/** A participant's answer: a level of the scale, "don't know", and perhaps a comment. */
type Answer = { value: number } | { dontKnow: true };
type Rate = (dimension: number, statement: number, rater: number) => Answer | null;

const hex = () => randomBytes(3).toString('hex');

async function defaultVersion(admin: ApiSession): Promise<Version> {
  const frameworks = await admin.get<{
    items: { name: string; published: { versionId: string } | null }[];
  }>('/api/studio/dgca/frameworks');
  const framework = frameworks.items.find(
    (item) => item.name.startsWith('Digital government capability') && item.published,
  );
  if (!framework?.published) throw new Error('no published default framework');
  return admin.get<Version>(`/api/studio/dgca/framework-versions/${framework.published.versionId}`);
}

async function institutionOf(admin: ApiSession, country: string): Promise<string> {
  const institutions = await admin.get<{ items: { id: string }[] }>(`/api/institutions?country=${country}`);
  const first = institutions.items[0];
  if (!first) throw new Error(`no demo institution in ${country}`);
  return first.id;
}

async function moveTo(admin: ApiSession, assessment: AssessmentView, to: string): Promise<AssessmentView> {
  return admin.post<AssessmentView>(`/api/studio/dgca/assessments/${assessment.id}/status`, {
    revision: assessment.revision,
    to,
  });
}

interface Plan {
  country: string;
  title: string;
  raters: number;
  rate: Rate;
  /** Comments the first rater leaves, by statement id. */
  comments?: Record<string, { comment: string; evidenceUrl?: string }>;
  previousAssessmentId?: string;
}

/**
 * An assessment of `plan.country` on the default framework, rated by `plan.raters` new people as
 * `plan.rate` says, left in the consensus round. Returns it and its participants' e-mails and names.
 */
async function assessmentInConsensus(
  baseUrl: string,
  admin: ApiSession,
  version: Version,
  plan: Plan,
): Promise<{ assessment: AssessmentView; people: { email: string; displayName: string }[] }> {
  let assessment = await admin.post<AssessmentView>('/api/studio/dgca/assessments', {
    institutionId: await institutionOf(admin, plan.country),
    subject: 'country',
    country: plan.country,
    title: plan.title,
    versionId: version.id,
    ...(plan.previousAssessmentId ? { previousAssessmentId: plan.previousAssessmentId } : {}),
  });
  const people = Array.from({ length: plan.raters }, (_, index) => ({
    email: `rater-${hex()}@example.gov`,
    displayName: `Rater ${String.fromCharCode(65 + index)} ${hex()}`,
  }));
  const sessions = await Promise.all(
    people.map((person) => signUpToApi(baseUrl, { ...person, password: PASSWORD })),
  );
  await admin.post(`/api/studio/dgca/assessments/${assessment.id}/participants`, { people });
  assessment = await moveTo(
    admin,
    await admin.get<AssessmentView>(`/api/studio/dgca/assessments/${assessment.id}`),
    'individual',
  );
  await Promise.all(
    sessions.map(async (session, rater) => {
      for (const [d, dimension] of version.dimensions.entries())
        for (const [s, statement] of dimension.statements.entries()) {
          const answer = plan.rate(d, s, rater);
          if (!answer) continue;
          const note = rater === 0 ? plan.comments?.[statement.id] : undefined;
          await session.put(`/api/me/assessments/${assessment.id}/ratings/${statement.id}`, {
            ...answer,
            ...(note ?? {}),
          });
        }
    }),
  );
  assessment = await moveTo(
    admin,
    await admin.get<AssessmentView>(`/api/studio/dgca/assessments/${assessment.id}`),
    'consensus',
  );
  return { assessment, people };
}

// Dimension ratings by position: leadership 2, strategy 3, governance 4, legal 3, technology 5, workforce 1.
const LEVELS = [2, 3, 4, 3, 5, 1];
// The first statement: two people say "not in place", two "fully in place". Rater D does not know the second.
const SPLIT = [1, 5, 5, 1];
const profileRate: Rate = (d, s, rater) => {
  if (d === 0 && s === 0) return { value: SPLIT[rater]! };
  if (d === 0 && s === 1 && rater === 3) return { dontKnow: true };
  return { value: LEVELS[d]! };
};

interface Seeded {
  admin: ApiSession;
  version: Version;
  main: AssessmentView;
  people: { email: string; displayName: string }[];
  few: AssessmentView;
}

async function seed(baseUrl: string): Promise<Seeded> {
  const admin = await signInToApi(baseUrl, DEMO.platformAdmin.email, DEMO.platformAdmin.password);
  const version = await defaultVersion(admin);
  const first = version.dimensions[0]!.statements[0]!;
  const { assessment: main, people } = await assessmentInConsensus(baseUrl, admin, version, {
    country: 'LC',
    title: `Saint Lucia self-assessment ${hex()}`,
    raters: 4,
    rate: profileRate,
    comments: {
      [first.id]: {
        comment: 'Nobody owns the digital agenda yet.',
        evidenceUrl: 'https://example.gov.lc/cabinet-minutes',
      },
    },
  });
  // The workforce dimension's agreed ratings, recorded through the API: 2 on every statement.
  const workforce = version.dimensions[5]!;
  for (const statement of workforce.statements)
    await admin.put(`/api/studio/dgca/assessments/${main.id}/consensus/${statement.id}`, { value: 2 });
  // Two raters only: too few to show how anyone rated.
  const { assessment: few } = await assessmentInConsensus(baseUrl, admin, version, {
    country: 'GY',
    title: `Small team assessment ${hex()}`,
    raters: 2,
    rate: (d, s) => (d === 0 && s === 0 ? { value: 4 } : null),
  });
  return { admin, version, main, people, few };
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

/** A download link's answer, fetched from inside the signed-in page: its status, type and first bytes. */
async function download(page: Page, name: string) {
  const href = await page.getByRole('link', { name }).getAttribute('href');
  if (!href) throw new Error(`no link "${name}"`);
  return page.evaluate(async (url) => {
    const answer = await fetch(url);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    return {
      status: answer.status,
      type: answer.headers.get('content-type') ?? '',
      start: new TextDecoder().decode(bytes.slice(0, 100_000)),
    };
  }, href);
}

describe('studio: DGCA consensus round, results and regional profile', () => {
  const suite = browserSuite();
  let seeded: Promise<Seeded> | undefined;
  const seedOnce = () => (seeded ??= seed(suite.system.baseUrl));

  it('shows each statement anonymously with a disagreement flag, and records the agreed rating by keyboard', async () => {
    const { page, system } = suite;
    const { main, people, version, admin } = await seedOnce();
    await signInToStudio(
      page,
      system.baseUrl,
      DEMO.platformAdmin,
      `/studio/assessments/${main.id}/consensus`,
    );
    await page.getByRole('heading', { level: 1, name: `Consensus round: ${main.title}` }).waitFor();
    await page.getByText('4 participants rated at least one statement.').waitFor();
    const leadership = version.dimensions[0]!;
    await page.getByRole('heading', { level: 2, name: leadership.name }).waitFor();

    const first = page.getByRole('article', { name: `Statement 1 ${leadership.statements[0]!.text}` });
    await first.getByText('Strong disagreement.').waitFor();
    // The distribution, in words: two at each end of the scale, nobody in between.
    const distribution = first.getByRole('list', { name: 'How the team rated it' });
    const lowest = version.scale[0]!;
    const highest = version.scale[version.scale.length - 1]!;
    await expect(
      distribution
        .getByRole('listitem')
        .filter({ hasText: `${lowest.value} – ${lowest.label}` })
        .innerText(),
    ).resolves.toContain('2 people');
    await expect(
      distribution
        .getByRole('listitem')
        .filter({ hasText: `${highest.value} – ${highest.label}` })
        .innerText(),
    ).resolves.toContain('2 people');
    await expect(
      distribution.getByRole('listitem').filter({ hasText: "Don't know" }).innerText(),
    ).resolves.toContain('0 people');
    await first.getByText('Nobody owns the digital agenda yet.').waitFor();
    await first.getByRole('link', { name: /cabinet-minutes/ }).waitFor();
    // The second statement: nobody disagrees, and one person did not know.
    const second = page.getByRole('article', { name: `Statement 2 ${leadership.statements[1]!.text}` });
    await second.getByText('Ratings').waitFor();
    await expect(second.getByText('Strong disagreement.').count()).resolves.toBe(0);
    await expect(
      second
        .getByRole('list', { name: 'How the team rated it' })
        .getByRole('listitem')
        .filter({ hasText: "Don't know" })
        .innerText(),
    ).resolves.toContain('1 person');
    // Anonymous: nobody's name or address is on the page.
    const text = await page.locator('main').innerText();
    for (const person of people) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.displayName);
    }
    await checkAccessibility(page);

    // The group agrees on level 3, chosen with the arrow keys, with a note, saved with Enter.
    const middle = version.scale[2]!;
    const form = first.getByRole('form', { name: "The group's rating for statement 1" });
    await form.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(
      form.getByRole('radio', { name: `${middle.value} – ${middle.label}` }).isChecked(),
    ).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('The council exists but has no budget.');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Save agreed rating',
    );
    await page.keyboard.press('Enter');
    await form.getByText(/^Recorded on /).waitFor();
    await page.getByText('Agreed rating for statement 1 saved.').waitFor();
    await first.getByText(`${middle.value} – ${middle.label}`, { exact: true }).first().waitFor();
    const recorded = await admin.get<{
      dimensions: {
        statements: { statementId: string; consensus: { value: number; notes: string } | null }[];
      }[];
    }>(`/api/studio/dgca/assessments/${main.id}/consensus`);
    const saved = recorded.dimensions[0]!.statements[0]!.consensus;
    expect(saved).toMatchObject({ value: middle.value, notes: 'The council exists but has no budget.' });
    await checkAccessibility(page);

    // Another dimension, through its link: the workforce ratings agreed through the API show as agreed.
    const workforce = version.dimensions[5]!;
    await page
      .getByRole('navigation', { name: 'Dimensions' })
      .getByRole('link', { name: workforce.name })
      .click();
    await page.getByRole('heading', { level: 2, name: workforce.name }).waitFor();
    await page.getByText(`${workforce.statements.length} of ${workforce.statements.length} agreed`).waitFor();
    await checkAccessibility(page);
  });

  it('withholds how people rated, and their comments, while fewer than three have answered', async () => {
    const { page, system } = suite;
    const { few } = await seedOnce();
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin, `/studio/assessments/${few.id}/consensus`);
    await page.getByRole('heading', { level: 1, name: `Consensus round: ${few.title}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Individual ratings are withheld' }).waitFor();
    await expect(page.getByRole('list', { name: 'How the team rated it' }).count()).resolves.toBe(0);
    await expect(page.getByText('Withheld', { exact: true }).count()).resolves.toBeGreaterThan(0);
    // Recording the group's rating still works: saving with no choice says what is missing first.
    const form = page.getByRole('form', { name: "The group's rating for statement 1" });
    await form.getByRole('button', { name: 'Save agreed rating' }).click();
    await form.getByText("Choose the rating the group agrees on, or “Don't know”.").waitFor();
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
    ).resolves.toBe('radio');
    await checkAccessibility(page);
    await form.getByRole('radio', { name: "Don't know" }).check();
    await form.getByRole('button', { name: 'Save agreed rating' }).click();
    await form.getByText(/^Recorded on /).waitFor();
    await checkAccessibility(page);

    // The individual round is reopened meanwhile: the refusal says so in the page's words.
    const { admin } = await seedOnce();
    await moveTo(
      admin,
      await admin.get<AssessmentView>(`/api/studio/dgca/assessments/${few.id}`),
      'individual',
    );
    const second = page.getByRole('form', { name: "The group's rating for statement 2" });
    await second.getByRole('radio', { name: "Don't know" }).check();
    await second.getByRole('button', { name: 'Save agreed rating' }).click();
    await second
      .getByText('The consensus round is no longer open: the individual round was reopened meanwhile.', {
        exact: false,
      })
      .waitFor();
    await checkAccessibility(page);
  });

  it('says there is nothing to show before the consensus round', async () => {
    const { page, system } = suite;
    const { admin } = await seedOnce();
    // The demo seed's Saint Lucia assessment is still in its individual round.
    const open = await admin.get<{ items: AssessmentView[] }>(
      '/api/studio/dgca/assessments?status=individual',
    );
    const demo = open.items[0];
    if (!demo) throw new Error('no assessment in its individual round');
    await signInToStudio(
      page,
      system.baseUrl,
      DEMO.platformAdmin,
      `/studio/assessments/${demo.id}/consensus`,
    );
    await page.getByRole('heading', { level: 2, name: 'The consensus round has not started' }).waitFor();
    await checkAccessibility(page);
    await visit(page, `${system.baseUrl}/studio/assessments/${demo.id}/results`);
    await page.getByRole('heading', { level: 2, name: 'No results yet' }).waitFor();
    await checkAccessibility(page);
  });

  it('shows the profile as a radar and a table, strengths and gaps, the E-Government indices with their source, and exports', async () => {
    const { page, system } = suite;
    const { main, admin, version } = await seedOnce();
    await moveTo(
      admin,
      await admin.get<AssessmentView>(`/api/studio/dgca/assessments/${main.id}`),
      'completed',
    );
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin, `/studio/assessments/${main.id}/results`);
    await page.getByRole('heading', { level: 1, name: `Results: ${main.title}` }).waitFor();

    const chart = page.getByRole('img', { name: /^Capability profile by dimension Radar chart from 1/ });
    await chart.waitFor();
    const figure = page.locator('figure.arch-radar');
    await figure.getByRole('listitem').filter({ hasText: 'Individual average' }).waitFor();
    await figure.getByRole('listitem').filter({ hasText: 'Agreed (consensus)' }).waitFor();
    await expect(
      chart.locator('[data-series="consensus"] path').first().getAttribute('stroke-dasharray'),
    ).resolves.toBeTruthy();

    const workforce = version.dimensions[5]!;
    // Dimension, statements, average, spread, agreed, score.
    const cells = await rowTexts(page, 'Capability profile by dimension', workforce.name);
    expect(cells).toEqual([String(workforce.statements.length), '1.0', '0.00', '2.0', '2.0']);
    const technology = version.dimensions[4]!;
    expect(await rowTexts(page, 'Capability profile by dimension', technology.name)).toEqual([
      String(technology.statements.length),
      '5.0',
      '0.00',
      'Not available',
      '5.0',
    ]);
    const gaps = page
      .getByRole('heading', { level: 3, name: 'Gaps, weakest first' })
      .locator('xpath=following-sibling::ol[1]');
    await expect(gaps.getByRole('listitem').first().innerText()).resolves.toBe(`${workforce.name}: 2.0`);
    await page.getByRole('heading', { level: 3, name: 'Strengths' }).waitFor();

    const egov = page.getByRole('region', { name: 'UN E-Government Survey 2024' });
    await egov.getByText('E-Government Development Index (EGDI)').waitFor();
    await egov.getByText('0.5255 (rank 133)').waitFor();
    await egov.getByText('0.1370').waitFor();
    await egov.getByRole('link', { name: /United Nations E-Government Survey 2024, UN DESA/ }).waitFor();
    await checkAccessibility(page);

    const csv = await download(page, 'Download the results (CSV)');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.start).toContain(workforce.name);
    const pdf = await download(page, 'Download the results (PDF)');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.start.startsWith('%PDF')).toBe(true);

    // A re-assessment shows the previous scores (a third, dotted line) and the change since.
    const { assessment: again } = await assessmentInConsensus(system.baseUrl, admin, version, {
      country: 'LC',
      title: `Saint Lucia re-assessment ${hex()}`,
      raters: 3,
      rate: () => ({ value: 3 }),
      previousAssessmentId: main.id,
    });
    await visit(page, `${system.baseUrl}/studio/assessments/${again.id}/results`);
    await page.getByRole('heading', { level: 1, name: `Results: ${again.title}` }).waitFor();
    await figure.getByRole('listitem').filter({ hasText: 'Previous assessment' }).waitFor();
    const changed = await rowTexts(page, 'Capability profile by dimension', workforce.name);
    expect(changed.slice(-2)).toEqual(['2.0', '+1.0']);
    await page.getByText('The consensus round is still open', { exact: false }).waitFor();
    await checkAccessibility(page);

    // The completed assessment's consensus round is a record now: agreed ratings shown, not edited.
    await visit(page, `${system.baseUrl}/studio/assessments/${main.id}/consensus`);
    await page.getByRole('heading', { level: 2, name: 'This assessment is completed' }).waitFor();
    await expect(page.getByRole('button', { name: 'Save agreed rating' }).count()).resolves.toBe(0);
    await checkAccessibility(page);
  });

  it('shows the regional profile only once three countries share, and never names one', async () => {
    const { page, system } = suite;
    const { admin, version, main } = await seedOnce();
    const share = async (id: string) => {
      let assessment = await admin.get<AssessmentView>(`/api/studio/dgca/assessments/${id}`);
      if (assessment.status !== 'completed') assessment = await moveTo(admin, assessment, 'completed');
      await admin.patch(`/api/studio/dgca/assessments/${id}`, {
        revision: assessment.revision,
        regionalOptIn: true,
      });
    };
    // Saint Lucia's assessment is completed by the results test, or here when run alone.
    await share(main.id);
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin, '/studio/assessments/regional');
    await page.getByRole('heading', { level: 1, name: 'Regional capability profile' }).waitFor();
    await page.getByLabel('Framework version', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Not enough countries yet' }).waitFor();
    await checkAccessibility(page);

    for (const country of ['GY', 'BS']) {
      const { assessment } = await assessmentInConsensus(system.baseUrl, admin, version, {
        country,
        title: `${country} self-assessment ${hex()}`,
        raters: 3,
        rate: (d) => ({ value: LEVELS[d]! }),
      });
      await share(assessment.id);
    }
    await page.getByLabel('Framework version', { exact: true }).selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Show profile' }).click();
    await page.reload();
    await page.getByText('3 countries have shared a completed assessment on this version.').waitFor();
    const workforce = version.dimensions[5]!;
    const cells = await rowTexts(page, 'Regional average score by dimension', workforce.name);
    expect(cells).toHaveLength(1);
    const text = await page.locator('main').innerText();
    for (const name of ['Saint Lucia', 'Guyana', 'Bahamas']) expect(text).not.toContain(name);
    await checkAccessibility(page);
  });
});

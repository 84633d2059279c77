import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { certificateSettings, complete, enrolledLearner, publishedCourse } from './certificate-fixtures';
import { asPageOk, saintLuciaCentreId } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

interface Listed {
  id: string;
  code: string | null;
  state: string;
  learnerName: string;
}

const listed = (page: Page, courseId: string, q: string) =>
  asPageOk<{ items: Listed[] }>(
    page,
    'GET',
    `/api/studio/courses/${courseId}/certificates?q=${encodeURIComponent(q)}`,
  );

/** Completion issues (or holds) certificates just after it commits: waits until the list has them. */
async function waitForCertificates(page: Page, courseId: string, count: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const page1 = await asPageOk<{ total: number }>(
      page,
      'GET',
      `/api/studio/courses/${courseId}/certificates`,
    );
    if (page1.total >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the course never had ${count} certificates`);
}

describe('studio: a course’s certificates, for its administrators', () => {
  const suite = browserSuite();

  it('approves a pending certificate, revokes one with a public reason, filters, and re-issues one after a name correction', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const course = await publishedCourse(page, 'Awarded');

    // Two learners complete while certificates are off, one never completes; then, with approval
    // required, two more complete and wait for an administrator.
    await certificateSettings(page, course.id, {
      enabled: false,
      issueMode: 'approval',
      validityMonths: null,
    });
    await complete(await enrolledLearner(system.baseUrl, course, 'Eva Charles'), course);
    await complete(await enrolledLearner(system.baseUrl, course, 'Femi Alexander'), course);
    await enrolledLearner(system.baseUrl, course, 'Dan Joseph');
    await certificateSettings(page, course.id, {
      enabled: true,
      issueMode: 'approval',
      validityMonths: null,
    });
    await complete(await enrolledLearner(system.baseUrl, course, 'Ana Pérez'), course);
    await complete(await enrolledLearner(system.baseUrl, course, 'Bruno Baptiste'), course);
    await waitForCertificates(page, course.id, 2);
    const [bruno] = (await listed(page, course.id, 'Bruno')).items;
    const brunoIssued = await asPageOk<Listed>(
      page,
      'POST',
      `/api/studio/certificates/${bruno!.id}/approve`,
      {},
    );

    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    await page.getByRole('link', { name: 'Issued certificates' }).click();
    await page.getByRole('heading', { level: 1, name: `Issued certificates: ${course.title}` }).waitFor();
    const table = page.getByRole('table', { name: 'Certificates of this course' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await row('Ana Pérez').getByText('Awaiting approval').waitFor();
    await checkAccessibility(page);

    // Approve the pending one.
    await row('Ana Pérez').getByRole('button', { name: 'Approve Ana Pérez’s certificate' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve Ana Pérez’s certificate?' });
    await checkAccessibility(page);
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.waitFor({ state: 'hidden' });
    await row('Ana Pérez').getByText('Valid').waitFor();
    // The Approve button has gone with the row's change: focus is on the list, not lost.
    await page.waitForFunction(() => document.activeElement?.id === 'certificates-list-heading');
    await row('Ana Pérez').getByRole('link', { name: 'PDF of Ana Pérez’s certificate' }).waitFor();
    await row('Ana Pérez')
      .getByRole('link', { name: 'Verification page of Ana Pérez’s certificate' })
      .waitFor();

    // Revoke one, with the reason shown publicly.
    await row('Bruno Baptiste').getByRole('button', { name: 'Revoke Bruno Baptiste’s certificate' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke Bruno Baptiste’s certificate?' });
    await revoke.getByLabel('Reason', { exact: true }).fill('Issued by mistake: the assessment was not his.');
    await revoke.getByLabel('Show the reason on the public verification page').check();
    await checkAccessibility(page);
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await revoke.waitFor({ state: 'hidden' });
    await row('Bruno Baptiste')
      .getByText(/^Revoked on /)
      .waitFor();
    await row('Bruno Baptiste')
      .getByText('Reason (shown publicly): Issued by mistake: the assessment was not his.')
      .waitFor();
    const publicView = await asPageOk<{ status: string; revocationReason: string | null }>(
      page,
      'GET',
      `/api/verify/${brunoIssued.code}`,
    );
    expect(publicView).toMatchObject({
      status: 'revoked',
      revocationReason: 'Issued by mistake: the assessment was not his.',
    });

    // The status filter lives in the URL and narrows the table.
    await page.getByLabel('Status').selectOption('revoked');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=revoked/);
    await row('Bruno Baptiste').waitFor();
    await expect(row('Ana Pérez').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row('Ana Pérez').waitFor();

    // Re-issue after a name correction: a new certificate, the old one superseded.
    await row('Ana Pérez').getByRole('button', { name: 'Re-issue Ana Pérez’s certificate' }).click();
    const reissue = page.getByRole('dialog', { name: 'Re-issue Ana Pérez’s certificate' });
    await reissue.getByLabel('Corrected name').fill('Ana María Pérez');
    await reissue.getByLabel('Reason', { exact: true }).fill('Her full name, as in her identity card.');
    await reissue.getByRole('button', { name: 'Re-issue certificate' }).click();
    await reissue.waitFor({ state: 'hidden' });
    await row('Ana María Pérez').getByText('Valid').waitFor();
    await row('Ana Pérez')
      .getByText(/^Superseded on /)
      .waitFor();
    await expect(row('Ana Pérez').getByRole('button').count()).resolves.toBe(0);
  });

  it('issues a certificate for one learner, and to everyone eligible as a batch with live progress and a report', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const course = await publishedCourse(page, 'Batched');
    // Ana holds a certificate already; Eva and Femi completed while certificates were off; Dan never completed.
    await certificateSettings(page, course.id, {
      enabled: false,
      issueMode: 'automatic',
      validityMonths: null,
    });
    await complete(await enrolledLearner(system.baseUrl, course, 'Eva Charles'), course);
    await complete(await enrolledLearner(system.baseUrl, course, 'Femi Alexander'), course);
    await enrolledLearner(system.baseUrl, course, 'Dan Joseph');
    await certificateSettings(page, course.id, { enabled: true, issueMode: 'automatic', validityMonths: 12 });
    await complete(await enrolledLearner(system.baseUrl, course, 'Ana Pérez'), course);
    await waitForCertificates(page, course.id, 1);

    await visit(page, `${system.baseUrl}/studio/courses/${course.id}/certificates`);
    await page.getByRole('heading', { level: 1, name: `Issued certificates: ${course.title}` }).waitFor();
    const table = page.getByRole('table', { name: 'Certificates of this course' });
    const row = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await row('Ana Pérez')
      .getByText(/^Valid until /)
      .waitFor();

    // Issue for one learner: one who has not completed is refused in words, one who has gets it.
    const opener = page.getByRole('button', { name: 'Issue a certificate' });
    await opener.click();
    const issue = page.getByRole('dialog', { name: 'Issue a certificate to one learner' });
    // The chosen learner's standing, read through the radio's description: until the search
    // answers, the list may still show every learner, each with a standing of their own.
    const choose = async (name: RegExp, standing: string | RegExp) => {
      const radio = issue.getByRole('radio', { name });
      await radio.check();
      await issue
        .locator(`[id="${await radio.getAttribute('aria-describedby')}"]`)
        .filter({ hasText: standing })
        .waitFor();
    };
    // Nobody chosen yet: said in text at the search box, where focus goes.
    await issue.getByRole('button', { name: 'Issue certificate' }).click();
    await issue.getByText('Choose a learner first.').waitFor();
    await page.waitForFunction(
      () =>
        document.activeElement?.id === 'certificate-issue-search' &&
        document.activeElement.ariaInvalid === 'true',
    );
    await issue.getByLabel('Find a learner').fill('Dan');
    await choose(/^Dan Joseph/, 'Has not completed the course');
    await issue.getByLabel('Reason', { exact: true }).fill('Attended the classroom sessions.');
    await issue.getByRole('button', { name: 'Issue certificate' }).click();
    await issue
      .getByText('Dan Joseph has not completed this course yet, so no certificate can be issued.', {
        exact: false,
      })
      .waitFor();
    await checkAccessibility(page);
    await issue.getByLabel('Find a learner').fill('Eva');
    await choose(/^Eva Charles/, /^Completed on /);
    await issue.getByRole('button', { name: 'Issue certificate' }).click();
    await issue.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Issue a certificate');
    await row('Eva Charles').getByText('Valid').waitFor();

    // Everyone else eligible, as a batch: live progress, then the report.
    await page.getByRole('button', { name: 'Issue to all eligible learners' }).click();
    const batch = page.getByRole('dialog', { name: 'Issue certificates to all eligible learners?' });
    await batch.getByLabel('Reason', { exact: true }).fill('End of the spring intake.');
    await batch.getByRole('button', { name: 'Start issuing' }).click();
    await batch.waitFor({ state: 'hidden' });
    const report = page.getByRole('table', { name: 'What happened for each learner' });
    await report.waitFor();
    const progress = page.getByRole('progressbar', { name: /^Progress/ });
    await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('4');
    await expect(progress.getAttribute('aria-valuemax')).resolves.toBe('4');
    const outcome = (name: string) =>
      report.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await outcome('Femi Alexander').getByText('Certificate issued').waitFor();
    await outcome('Dan Joseph').getByText('Has not completed the course').waitFor();
    await outcome('Eva Charles').getByText('Already had a certificate').waitFor();
    await checkAccessibility(page);
    await row('Femi Alexander').getByText('Valid').waitFor();
    const history = page.getByRole('table', { name: 'Batches of this course, newest first' });
    await history
      .getByRole('row')
      .filter({ hasText: 'End of the spring intake.' })
      .getByText('Finished')
      .waitFor();
  });

  it('issues a batch to the learners of one cohort of the course, chosen in the batch dialog', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const course = await publishedCourse(page, 'Cohorted');
    // Both complete while certificates are off; only Gita is in the cohort.
    await certificateSettings(page, course.id, {
      enabled: false,
      issueMode: 'automatic',
      validityMonths: null,
    });
    const gita = await enrolledLearner(system.baseUrl, course, 'Gita Prosper');
    await complete(gita, course);
    await complete(await enrolledLearner(system.baseUrl, course, 'Hugo Alcide'), course);
    await certificateSettings(page, course.id, {
      enabled: true,
      issueMode: 'automatic',
      validityMonths: null,
    });
    const institutionId = await saintLuciaCentreId(page);
    const cohortName = `Castries intake ${course.title.split(' ').pop()}`;
    const cohort = await asPageOk<{ id: string }>(page, 'POST', '/api/studio/cohorts', {
      institutionId,
      name: cohortName,
      courseIds: [course.id],
      facilitatorIds: [],
    });
    await asPageOk(page, 'POST', `/api/studio/cohorts/${cohort.id}/members`, { email: gita.me.user.email });
    // A cohort without this course is not offered.
    const elsewhere = `Without it ${course.title.split(' ').pop()}`;
    await asPageOk(page, 'POST', '/api/studio/cohorts', {
      institutionId,
      name: elsewhere,
      courseIds: [],
      facilitatorIds: [],
    });

    await visit(page, `${system.baseUrl}/studio/courses/${course.id}/certificates`);
    await page.getByRole('heading', { level: 1, name: `Issued certificates: ${course.title}` }).waitFor();
    await page.getByRole('button', { name: 'Issue to all eligible learners' }).click();
    const batch = page.getByRole('dialog', { name: 'Issue certificates to all eligible learners?' });
    const who = batch.getByLabel('Who receives one');
    await who.waitFor();
    const options = await who.getByRole('option').allTextContents();
    expect(options).toEqual(['All eligible learners', `Learners of cohort ${cohortName}`]);
    await checkAccessibility(page);
    await who.selectOption({ label: `Learners of cohort ${cohortName}` });
    await batch.getByLabel('Reason', { exact: true }).fill('End of the Castries intake.');
    await batch.getByRole('button', { name: 'Start issuing' }).click();
    await batch.waitFor({ state: 'hidden' });

    await page.getByText(`For the learners of cohort ${cohortName}.`).waitFor();
    const report = page.getByRole('table', { name: 'What happened for each learner' });
    await report.waitFor();
    await report
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Gita Prosper' }) })
      .getByText('Certificate issued')
      .waitFor();
    await expect(report.getByRole('rowheader', { name: 'Hugo Alcide' }).count()).resolves.toBe(0);
    const history = page.getByRole('table', { name: 'Batches of this course, newest first' });
    await history
      .getByRole('row')
      .filter({ hasText: 'End of the Castries intake.' })
      .getByRole('cell', { name: cohortName })
      .waitFor();
    await checkAccessibility(page);
    const issued = await listed(page, course.id, 'Gita');
    expect(issued.items.map((item) => item.state)).toEqual(['issued']);
    expect((await listed(page, course.id, 'Hugo')).items).toEqual([]);
  });
});

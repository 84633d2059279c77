import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, signInToApi, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPageOk, courseWithLessonViaApi, saveLessonViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/** A published course of one module with one lesson; returns its id, slug and the lesson id. */
async function publishedCourse(page: Page, enrolmentMode: 'open' | 'invitation') {
  const slug = `learners-${randomBytes(3).toString('hex')}`;
  const title = `Learners ${slug}`;
  const course = await courseWithLessonViaApi(page, {
    title,
    slug,
    module: 'Getting started',
    lesson: 'Why services change',
    text: 'Because.',
  });
  if (enrolmentMode !== 'open') {
    const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${course.id}`);
    await asPageOk(page, 'PATCH', `/api/studio/courses/${course.id}`, {
      revision: current.revision,
      enrolmentMode,
    });
  }
  await publishVersion(page, course.id, 'First version');
  return { id: course.id, slug, title, lessonId: course.lessonId };
}

async function publishVersion(page: Page, courseId: string, changeLog: string) {
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${courseId}`);
  await asPageOk(page, 'POST', `/api/studio/courses/${courseId}/publish`, {
    revision: current.revision,
    changeLog,
  });
}

describe('studio: a course’s learners', () => {
  const suite = browserSuite();

  it('shows learners on their version and moves them to the new one', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await publishedCourse(page, 'open');
    const learner = await signInToApi(system.baseUrl, DEMO.learner.email, DEMO.learner.password);
    await learner.post(`/api/courses/${course.slug}/enrolment`, {});
    expect(
      await saveLessonViaApi(page, course.lessonId, [
        { type: 'paragraph', content: [{ type: 'text', text: 'Because people expect it.' }] },
      ]),
    ).toBe(200);
    await publishVersion(page, course.id, 'Clearer reasons');

    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    const learners = page.getByRole('table', { name: 'Learners of this course' });
    await learners.getByRole('cell', { name: 'Version 1' }).waitFor();
    await learners.getByText('0 of 1 required activities (0%)').waitFor();

    await page.getByRole('button', { name: 'Move everyone to version 2' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Their progress in activities that version still has is kept').waitFor();
    await checkAccessibility(page);
    await dialog.getByRole('button', { name: 'Move everyone to version 2' }).click();
    await page.getByText('Learners moved to version 2: 1.').first().waitFor();
    await learners.getByRole('cell', { name: 'Version 2' }).waitFor();
    await expect(page.getByRole('button', { name: 'Move everyone to version 2' }).count()).resolves.toBe(0);
    const mine = await learner.get<{ version: number }>(`/api/me/learning/${course.slug}`);
    expect(mine.version).toBe(2);
    await checkAccessibility(page);
  });

  it('lets a trainer approve a request to join a course by invitation, with the keyboard', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await publishedCourse(page, 'invitation');
    const learner = await signInToApi(system.baseUrl, DEMO.learner.email, DEMO.learner.password);
    await learner.post(`/api/courses/${course.slug}/access-requests`, {
      message: 'For my unit’s digital plan.',
    });

    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    const requests = page.getByRole('table', { name: 'Requests waiting for a decision, oldest first' });
    await requests.getByText('For my unit’s digital plan.').waitFor();
    const approve = requests.getByRole('button', { name: /^Approve / });
    await approve.focus();
    await page.keyboard.press('Enter');
    await page.getByText('No requests are waiting.').waitFor();
    await page
      .getByRole('table', { name: 'Learners of this course' })
      .getByRole('cell', { name: 'Version 1' })
      .waitFor();
    const state = await learner.get<{ status: string }>(`/api/courses/${course.slug}/enrolment`);
    expect(state.status).toBe('enrolled');
    await checkAccessibility(page);
  });
});

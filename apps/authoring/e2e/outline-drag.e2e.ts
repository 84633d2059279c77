import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { addLessonViaApi, addModuleViaApi, asPageOk, createCourseViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

interface Detail {
  modules: { id: string; title: string; activities: { id: string; title: string }[] }[];
}

/** The outline as saved: module titles with their lesson titles, in order. */
async function savedOutline(page: Page, courseId: string): Promise<[string, string[]][]> {
  const course = await asPageOk<Detail>(page, 'GET', `/api/studio/courses/${courseId}`);
  return course.modules.map((m) => [m.title, m.activities.map((a) => a.title)]);
}

describe('studio: outline drag and drop', () => {
  const suite = browserSuite();

  it('reorders lessons, moves a lesson to another module and reorders modules by dragging, announced and saved', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await createCourseViaApi(page, {
      title: 'Drag and drop course',
      slug: `outline-drag-${randomBytes(3).toString('hex')}`,
    });
    const first = await addModuleViaApi(page, course.id, 'Understanding digital government', course.revision);
    const why = await addLessonViaApi(
      page,
      course.id,
      first.id,
      'Why services go digital',
      first.course.revision,
    );
    const example = await addLessonViaApi(
      page,
      course.id,
      first.id,
      'The Saint Lucia example',
      why.course.revision,
    );
    const second = await addModuleViaApi(page, course.id, 'Designing services', example.course.revision);
    const maps = await addLessonViaApi(page, course.id, second.id, 'Journey maps', second.course.revision);

    // Tall enough that source and target are both in view: a scroll between pressing the mouse and
    // moving it would make Chromium start the drag from whatever then lies under the pointer.
    await page.setViewportSize({ width: 1280, height: 4000 });
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    await page.getByRole('heading', { level: 1, name: 'Drag and drop course' }).waitFor();
    const handle = (id: string) => page.locator(`[data-drag-handle="${id}"]`);

    // A lesson dropped on the upper half of another goes before it.
    await handle(example.id).dragTo(page.locator(`[data-activity-id="${why.id}"]`), {
      targetPosition: { x: 40, y: 4 },
    });
    await page
      .getByText(
        'Lesson “The Saint Lucia example” moved to position 1 of module “Understanding digital government”.',
      )
      .waitFor({ state: 'attached' });
    await expect(savedOutline(page, course.id)).resolves.toEqual([
      ['Understanding digital government', ['The Saint Lucia example', 'Why services go digital']],
      ['Designing services', ['Journey maps']],
    ]);

    // A lesson dropped on another module's heading goes to the end of that module.
    await handle(why.id).dragTo(
      page.getByRole('heading', { level: 3, name: 'Module 2: Designing services' }),
    );
    await page
      .getByText('Lesson “Why services go digital” moved to position 2 of module “Designing services”.')
      .waitFor({ state: 'attached' });

    // A module dropped on the upper half of another goes before it.
    await handle(second.id).dragTo(page.locator(`[data-module-id="${first.id}"]`), {
      targetPosition: { x: 40, y: 4 },
    });
    await page
      .getByText('Module “Designing services” moved to position 1 of 2.')
      .waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 3, name: 'Module 1: Designing services' }).waitFor();

    // Saved: the order survives a reload.
    await visit(page, page.url());
    await page.getByRole('heading', { level: 3, name: 'Module 1: Designing services' }).waitFor();
    await expect(savedOutline(page, course.id)).resolves.toEqual([
      ['Designing services', ['Journey maps', 'Why services go digital']],
      ['Understanding digital government', ['The Saint Lucia example']],
    ]);
    expect(maps.id).toBeTruthy();
  });
});

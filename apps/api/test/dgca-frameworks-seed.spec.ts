import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DEFAULT_FRAMEWORK_VERSION_ID } from '../src/dgca/frameworks/default-framework.js';
import { FrameworkContentService } from '../src/dgca/frameworks/framework-content.service.js';
import { seedDgcaRecommendations } from '../src/seed/demo-dgca-recommendations.js';
import { SeedService } from '../src/seed/seed.service.js';
import { createTestApp, type TestApp } from './test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.get(SeedService).run();
});

afterAll(async () => {
  await t.close();
});

it("the demo seed recommends the shipped courses' modules for every dimension of the default framework, once", async () => {
  const content = await t.app.get(FrameworkContentService).content(DEFAULT_FRAMEWORK_VERSION_ID);
  const byKey = Object.fromEntries(
    content!.dimensions.map((d) => [
      d.key,
      d.recommendations.map((r) => `${r.courseSlug}: ${r.moduleTitle}`),
    ]),
  );
  expect(byKey['legal-framework']).toEqual([
    'innovation-digital-government: The dimensions of digital government',
  ]);
  expect(byKey['workforce-development']).toEqual([
    'innovation-digital-government: Building capacity for innovation',
    'innovation-digital-government: Innovation labs, design thinking, prototyping and agile methods',
    'changing-mindsets: The learning mindset',
  ]);
  expect(content!.dimensions.every((d) => d.recommendations.length > 0)).toBe(true);
  expect(content!.dimensions.flatMap((d) => d.recommendations)).toHaveLength(13);

  expect(await seedDgcaRecommendations(t.app.get(DataSource))).toBe(0);
  const again = await t.app.get(FrameworkContentService).content(DEFAULT_FRAMEWORK_VERSION_ID);
  expect(again!.dimensions.flatMap((d) => d.recommendations)).toHaveLength(13);
});

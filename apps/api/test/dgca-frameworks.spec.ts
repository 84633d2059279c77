import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DefaultFrameworkInstaller } from '../src/dgca/frameworks/default-framework.installer.js';
import {
  DEFAULT_FRAMEWORK_ID,
  DEFAULT_FRAMEWORK_VERSION_ID,
} from '../src/dgca/frameworks/default-framework.js';
import { FrameworkContentService } from '../src/dgca/frameworks/framework-content.service.js';
import { createTestApp, type TestApp } from './test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('default framework', () => {
  it('is installed at start, published as version 1, with 6 dimensions of 5 statements on a 1–5 scale', async () => {
    const content = await t.app.get(FrameworkContentService).content(DEFAULT_FRAMEWORK_VERSION_ID);
    expect(content).not.toBeNull();
    expect(content!.frameworkId).toBe(DEFAULT_FRAMEWORK_ID);
    expect(content!.status).toBe('published');
    expect(content!.number).toBe(1);
    expect(content!.frameworkName).toMatch(/based on the DGCA/);
    expect(content!.dimensions.map((d) => d.key)).toEqual([
      'leadership',
      'strategy',
      'governance',
      'legal-framework',
      'technology',
      'workforce-development',
    ]);
    expect(content!.dimensions.every((d) => d.statements.length === 5)).toBe(true);
    expect(content!.statementCount).toBe(30);
    expect(content!.scale.map((level) => level.value)).toEqual([1, 2, 3, 4, 5]);
    expect(content!.scale.every((level) => level.description.length > 0)).toBe(true);
    expect([content!.min, content!.max]).toEqual([1, 5]);
    const latest = await t.app.get(FrameworkContentService).latestPublished(DEFAULT_FRAMEWORK_ID);
    expect(latest?.versionId).toBe(DEFAULT_FRAMEWORK_VERSION_ID);
  });

  it('is installed once: starting again changes nothing', async () => {
    expect(await t.app.get(DefaultFrameworkInstaller).install()).toBe(false);
    const [row] = (await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM dgca_framework_version WHERE framework_id = $1 AND number = 1`, [
        DEFAULT_FRAMEWORK_ID,
      ])) as { n: number }[];
    expect(row!.n).toBe(1);
  });
});

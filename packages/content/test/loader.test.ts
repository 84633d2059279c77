import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentError, countWords, defaultCoursesDir, loadCourses, parseModule } from '../src/index.js';
import type { Course } from '../src/index.js';

const LESSON_WORDS = { min: 200, max: 600 };

const courses = loadCourses();
const bySlug = (slug: string): Course => {
  const course = courses.find((c) => c.slug === slug);
  assert.ok(course, `course ${slug} is shipped`);
  return course;
};

test('ships the two courses with the expected number of modules', () => {
  assert.deepEqual(courses.map((c) => c.slug).sort(), ['changing-mindsets', 'innovation-digital-government']);
  assert.ok(bySlug('innovation-digital-government').modules.length >= 10);
  assert.equal(bySlug('changing-mindsets').modules.length, 5);
});

test('course metadata is complete', () => {
  for (const c of courses) {
    assert.equal(c.language, 'en');
    assert.equal(c.enrolment, 'open');
    assert.ok(c.outcomes.length >= 4 && c.outcomes.length <= 6, `${c.slug}: 4–6 outcomes`);
    assert.ok(c.topics.length > 0 && c.sdgs.length > 0 && c.toolkit.length > 0);
    assert.ok(c.estimatedHours > 0);
  }
});

for (const course of courses) {
  test(`${course.slug}: every module is complete`, () => {
    for (const m of course.modules) {
      const where = `${course.slug} module ${m.number} (${m.slug})`;
      const lessons = m.items.filter((i) => i.kind === 'lesson');
      assert.ok(lessons.length >= 2 && lessons.length <= 4, `${where}: 2–4 lessons, has ${lessons.length}`);
      assert.ok(m.objectives.length >= 3 && m.objectives.length <= 5, `${where}: 3–5 objectives`);
      assert.ok(
        m.items.some((i) => i.kind === 'reflection' || i.kind === 'activity'),
        `${where}: a reflection or an activity`,
      );
      assert.ok(m.title.length > 0 && m.summary.length > 0 && m.estimatedMinutes > 0, `${where}: metadata`);
      for (const item of m.items) {
        if (item.kind === 'reflection') {
          assert.ok(item.prompt.trim().length > 0, `${where}: reflection prompt`);
        } else {
          assert.ok(item.markdown.trim().length > 0, `${where}: "${item.title}" is not empty`);
        }
      }
    }
  });

  test(`${course.slug}: lessons are within the word range`, () => {
    for (const m of course.modules) {
      for (const item of m.items) {
        if (item.kind !== 'lesson') continue;
        const words = countWords(item.markdown);
        assert.ok(
          words >= LESSON_WORDS.min && words <= LESSON_WORDS.max,
          `${course.slug}/${m.slug} "${item.title}": ${words} words`,
        );
      }
    }
  });

  test(`${course.slug}: slugs and titles are unique`, () => {
    const slugs = course.modules.map((m) => m.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    const lessonTitles = course.modules.flatMap((m) =>
      m.items.flatMap((i) => (i.kind === 'lesson' ? [i.title] : [])),
    );
    assert.equal(new Set(lessonTitles).size, lessonTitles.length, 'lesson titles are unique within a course');
    assert.deepEqual(
      course.modules.map((m) => m.number),
      course.modules.map((_, i) => i + 1),
    );
  });
}

test('the innovation course ends with the participant building a roadmap', () => {
  const last = bySlug('innovation-digital-government').modules.at(-1)!;
  assert.ok(
    last.items.some((i) => i.kind === 'activity' && /roadmap|action plan/i.test(i.title)),
    'the last module has a roadmap or action plan activity',
  );
});

test('only the published E-Government Survey 2024 figures appear', () => {
  const allowed = new Set(['0.7143', '0.5443', '0.5255']);
  for (const c of courses) {
    for (const m of c.modules) {
      for (const i of m.items) {
        const text = i.kind === 'reflection' ? `${i.prompt} ${i.guidance ?? ''}` : i.markdown;
        for (const figure of text.match(/\b0\.\d{4}\b/g) ?? []) {
          assert.ok(allowed.has(figure), `${c.slug}/${m.slug}: unexpected index figure ${figure}`);
        }
      }
    }
  }
});

const GOOD = `---
title: A module
summary: Short.
estimatedMinutes: 30
objectives:
  - Explain something
---

# Lesson: One

Some text.

> [!TIP]
> A tip.

# Reflection: What did you learn?

Take a minute.

# Activity: Do it

Steps.
`;

test('parseModule reads lessons, reflections and activities', () => {
  const m = parseModule(GOOD, '04-a-module.md');
  assert.equal(m.number, 4);
  assert.equal(m.slug, 'a-module');
  assert.deepEqual(m.objectives, ['Explain something']);
  assert.deepEqual(
    m.items.map((i) => i.kind),
    ['lesson', 'reflection', 'activity'],
  );
  assert.deepEqual(m.items[1], {
    kind: 'reflection',
    prompt: 'What did you learn?',
    guidance: 'Take a minute.',
  });
});

test('a malformed module gives an error naming the file and line', () => {
  const cases: [string, RegExp][] = [
    [GOOD.replace('# Lesson: One', '# One'), /bad\.md:9: top-level headings/],
    [GOOD.replace('> [!TIP]', '> [!DANGER]'), /bad\.md:13: unknown callout/],
    [GOOD.replace('title: A module', 'title A module'), /bad\.md:2: cannot read front matter/],
    [GOOD.replace('Some text.\n\n> [!TIP]\n> A tip.\n', ''), /bad\.md:9: Lesson "One" is empty/],
    [
      GOOD.replace('estimatedMinutes: 30', 'estimatedMinutes: soon'),
      /bad\.md: front matter "estimatedMinutes"/,
    ],
    [GOOD.slice(0, GOOD.indexOf('\n---\n') + 1), /bad\.md:\d+: front matter is not closed/],
    [GOOD.replace('summary: Short.', 'summary: Short: really.'), /bad\.md:3: a value containing/],
  ];
  for (const [source, expected] of cases) {
    assert.throws(
      () => parseModule(source, '01-bad.md', 'bad.md'),
      (error: unknown) => error instanceof ContentError && expected.test(error.message),
      `expected ${expected}`,
    );
  }
  assert.throws(() => parseModule(GOOD, 'bad.md'), /bad\.md: module file names/);
});

test('loadCourses names the malformed file in a course directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  try {
    cpSync(path.join(defaultCoursesDir(), 'changing-mindsets'), path.join(dir, 'changing-mindsets'), {
      recursive: true,
    });
    const broken = path.join(dir, 'changing-mindsets', 'modules', '03-broken.md');
    writeFileSync(broken, GOOD.replace('objectives:\n  - Explain something\n', ''));
    assert.throws(
      () => loadCourses(dir),
      (error: unknown) =>
        error instanceof ContentError && error.file === broken && error.message.includes('03-broken.md'),
    );
    writeFileSync(path.join(dir, 'changing-mindsets', 'course.json'), '{ "slug": ');
    assert.throws(() => loadCourses(dir), /course\.json: cannot read course\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { describe, expect, it } from '@jest/globals';
import type { VersionOutline } from '../src/courses/published-versions.service.js';
import type { SnapshotModule } from '../src/courses/version-snapshot.js';
import { modulesJson, withModules } from '../src/learning/outline-json.js';

const tricky = 'Quotes " and \\ backslashes, </script>, line\nbreaks, \u2028 separators and émojis 🌴';

const modules: SnapshotModule[] = [
  {
    id: 'm1',
    title: `Module ${tricky}`,
    summary: tricky,
    objectives: ['Map a service', tricky],
    estimatedMinutes: 45,
    activities: [
      { id: 'a1', kind: 'lesson', title: 'Start', required: true },
      { id: 'a2', kind: 'lesson', title: tricky, required: false },
      { id: 'a3', kind: 'quiz', title: 'Check', required: true },
    ],
  },
  { id: 'm2', title: 'Empty', summary: '', objectives: [], estimatedMinutes: null, activities: [] },
  {
    id: 'm3',
    title: 'Last',
    summary: 'One more',
    objectives: [],
    estimatedMinutes: 5,
    activities: [{ id: 'a4', kind: 'lesson', title: 'End', required: true }],
  },
];

const outline = { modules } as unknown as VersionOutline;
const statuses = new Map<string, 'started' | 'completed'>([
  ['a1', 'completed'],
  ['a2', 'started'],
  ['a4', 'completed'],
]);

/** The same answer built as objects: what JSON.stringify of a LearningModule[] gives. */
const expected = [
  {
    id: 'm1',
    title: `Module ${tricky}`,
    summary: tricky,
    objectives: ['Map a service', tricky],
    estimatedMinutes: 45,
    progress: { completed: 1, required: 2, percent: 50 },
    activities: [
      { id: 'a1', kind: 'lesson', title: 'Start', required: true, status: 'completed' },
      { id: 'a2', kind: 'lesson', title: tricky, required: false, status: 'started' },
      { id: 'a3', kind: 'quiz', title: 'Check', required: true, status: 'not-started' },
    ],
  },
  {
    id: 'm2',
    title: 'Empty',
    summary: '',
    objectives: [],
    estimatedMinutes: null,
    progress: { completed: 0, required: 0, percent: 100 },
    activities: [],
  },
  {
    id: 'm3',
    title: 'Last',
    summary: 'One more',
    objectives: [],
    estimatedMinutes: 5,
    progress: { completed: 1, required: 1, percent: 100 },
    activities: [{ id: 'a4', kind: 'lesson', title: 'End', required: true, status: 'completed' }],
  },
];

describe('the outline with progress, rendered as JSON text', () => {
  it('is exactly what serializing the same modules as objects gives, escaping included', () => {
    expect(modulesJson(outline, statuses)).toBe(JSON.stringify(expected));
  });

  it('reuses the version’s rendering but never a learner’s statuses', () => {
    modulesJson(outline, statuses);
    const nothingStarted = JSON.parse(modulesJson(outline, new Map())) as typeof expected;
    expect(nothingStarted.flatMap((m) => m.activities.map((a) => a.status))).toEqual([
      'not-started',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(nothingStarted[0]!.progress).toEqual({ completed: 0, required: 2, percent: 0 });
  });

  it('writes null for a field an old snapshot lacks, never invalid JSON', () => {
    const old = {
      modules: [{ id: 'm', title: 'Old', summary: 'Before objectives', activities: [] }],
    } as unknown as VersionOutline;
    expect(JSON.parse(modulesJson(old, new Map()))).toEqual([
      {
        id: 'm',
        title: 'Old',
        summary: 'Before objectives',
        objectives: null,
        estimatedMinutes: null,
        progress: { completed: 0, required: 0, percent: 100 },
        activities: [],
      },
    ]);
  });

  it('adds the modules as the body’s last field', () => {
    const modulesText = modulesJson(outline, statuses);
    expect(withModules({ slug: 'c', title: tricky }, modulesText)).toBe(
      JSON.stringify({ slug: 'c', title: tricky, modules: expected }),
    );
    expect(withModules({}, '[]')).toBe('{"modules":[]}');
  });
});

import { ContentError } from './errors.js';
import { parseFrontMatter } from './front-matter.js';
import type { Item, Module } from './types.js';

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const ITEM_HEADING = /^# (Lesson|Reflection|Activity):\s*(.*)$/;
const CALLOUT = /^>\s*\[!([A-Za-z]+)\]/;
const CALLOUT_KINDS = new Set(['NOTE', 'TIP', 'WARNING', 'CASE']);
const FENCE = /^(```|~~~)/;

interface OpenItem {
  kind: 'Lesson' | 'Reflection' | 'Activity';
  title: string;
  line: number;
  body: string[];
}

function requireString(data: Record<string, unknown>, key: string, file: string): string {
  const value = data[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ContentError(file, undefined, `front matter "${key}" must be a non-empty text`);
  }
  return value.trim();
}

function finish(open: OpenItem, file: string): Item {
  const markdown = open.body.join('\n').trim();
  if (open.title === '') throw new ContentError(file, open.line, `# ${open.kind}: needs a title`);
  switch (open.kind) {
    case 'Lesson':
    case 'Activity':
      if (markdown === '') throw new ContentError(file, open.line, `${open.kind} "${open.title}" is empty`);
      return { kind: open.kind === 'Lesson' ? 'lesson' : 'activity', title: open.title, markdown };
    case 'Reflection':
      return markdown === ''
        ? { kind: 'reflection', prompt: open.title }
        : { kind: 'reflection', prompt: open.title, guidance: markdown };
  }
}

/** Parses one module source. `fileName` is the base name (`NN-slug.md`); `file` is used in errors. */
export function parseModule(source: string, fileName: string, file: string = fileName): Module {
  const name = FILE_NAME.exec(fileName);
  if (!name) throw new ContentError(file, undefined, 'module file names must look like "NN-slug.md"');
  const { data, body, bodyStartLine } = parseFrontMatter(source, file);

  for (const key of Object.keys(data)) {
    if (!['title', 'summary', 'estimatedMinutes', 'objectives'].includes(key)) {
      throw new ContentError(file, undefined, `unknown front matter key "${key}"`);
    }
  }
  const estimatedMinutes = data.estimatedMinutes;
  if (typeof estimatedMinutes !== 'number' || !Number.isInteger(estimatedMinutes) || estimatedMinutes <= 0) {
    throw new ContentError(
      file,
      undefined,
      'front matter "estimatedMinutes" must be a positive whole number',
    );
  }
  const objectives = data.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0 || objectives.some((o) => o.trim() === '')) {
    throw new ContentError(
      file,
      undefined,
      'front matter "objectives" must be a list of at least one objective',
    );
  }

  const items: Item[] = [];
  let open: OpenItem | undefined;
  let inFence = false;
  body.split('\n').forEach((text, index) => {
    const line = bodyStartLine + index;
    if (FENCE.test(text)) inFence = !inFence;
    if (!inFence) {
      const heading = ITEM_HEADING.exec(text);
      if (heading) {
        if (open) items.push(finish(open, file));
        open = { kind: heading[1] as OpenItem['kind'], title: (heading[2] ?? '').trim(), line, body: [] };
        return;
      }
      if (/^# /.test(text)) {
        throw new ContentError(
          file,
          line,
          'top-level headings must be "# Lesson: …", "# Reflection: …" or "# Activity: …" (use ## inside a lesson)',
        );
      }
      const callout = CALLOUT.exec(text);
      if (callout && !CALLOUT_KINDS.has(callout[1] ?? '')) {
        throw new ContentError(
          file,
          line,
          `unknown callout [!${callout[1]}] (use NOTE, TIP, WARNING or CASE)`,
        );
      }
    }
    if (!open) {
      if (text.trim() !== '') {
        throw new ContentError(file, line, 'text before the first "# Lesson: …" heading');
      }
      return;
    }
    open.body.push(text);
  });
  if (inFence) throw new ContentError(file, undefined, 'unclosed code fence');
  if (open) items.push(finish(open, file));
  if (items.length === 0) throw new ContentError(file, undefined, 'module has no lessons');

  return {
    number: Number(name[1]),
    slug: name[2] ?? '',
    title: requireString(data, 'title', file),
    summary: requireString(data, 'summary', file),
    estimatedMinutes,
    objectives: objectives.map((o) => o.trim()),
    items,
  };
}

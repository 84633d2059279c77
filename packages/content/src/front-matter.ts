import { ContentError } from './errors.js';

/**
 * A value in the small YAML subset used by module front matter:
 * a scalar (string or number) or a list of strings.
 */
export type FrontMatterValue = string | number | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  /** The body after the closing `---`. */
  body: string;
  /** The 1-based line number of the first body line in the file. */
  bodyStartLine: number;
}

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*):(?:\s+(.*))?$/;
const ITEM_LINE = /^\s+-\s+(.*)$/;

function scalar(raw: string, file: string, line: number): string {
  const text = raw.trim();
  if (text.startsWith('"')) {
    if (text.length < 2 || !text.endsWith('"'))
      throw new ContentError(file, line, 'unterminated "quoted" value');
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new ContentError(file, line, `invalid "quoted" value ${text}`);
    }
  }
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'"))
      throw new ContentError(file, line, "unterminated 'quoted' value");
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (/:\s/.test(text) || text.endsWith(':')) {
    throw new ContentError(file, line, `a value containing ": " must be quoted: ${text}`);
  }
  return text.replace(/\s+#.*$/, '');
}

/**
 * Splits a Markdown source into its front matter and body. Supports only what the course
 * sources use: `key: value` pairs and `key:` followed by indented `- item` lines; blank lines
 * and `#` comment lines are ignored. Anything else is an error naming the file and line.
 */
export function parseFrontMatter(source: string, file: string): FrontMatter {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---')
    throw new ContentError(file, 1, 'expected front matter starting with "---"');
  const data: Record<string, FrontMatterValue> = {};
  let listKey: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const lineNo = i + 1;
    if (text.trim() === '---') {
      return { data, body: lines.slice(i + 1).join('\n'), bodyStartLine: i + 2 };
    }
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const item = ITEM_LINE.exec(text);
    if (item) {
      const list = listKey === undefined ? undefined : data[listKey];
      if (listKey === undefined || !Array.isArray(list)) {
        throw new ContentError(file, lineNo, 'list item outside a list');
      }
      list.push(scalar(item[1] ?? '', file, lineNo));
      continue;
    }
    const pair = KEY_LINE.exec(text);
    if (!pair) throw new ContentError(file, lineNo, `cannot read front matter line: ${text.trim()}`);
    const key = pair[1] ?? '';
    if (key in data) throw new ContentError(file, lineNo, `duplicate front matter key "${key}"`);
    const raw = pair[2]?.trim() ?? '';
    if (raw === '') {
      data[key] = [];
      listKey = key;
      continue;
    }
    listKey = undefined;
    const value = scalar(raw, file, lineNo);
    data[key] = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : value;
  }
  throw new ContentError(file, lines.length, 'front matter is not closed with "---"');
}

import type { FieldError } from '../common/problem/problem-details.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import {
  RICH_TEXT_LIMITS,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type Mark,
  type RichTextDocument,
  type TableCellAttrs,
  type TableCellNode,
  type TableRowNode,
} from './rich-text.types.js';
import {
  isAllowedImageSrc,
  isAllowedLinkHref,
  isHttpsUrl,
  parseVideoUrl,
} from '@archipelago/rich-text-rules';

export interface ValidateOptions {
  /** The path of the document in the request body, the start of every error's `field`. */
  field?: string;
}

/** More would only flood the response; the author fixes these first. */
const MAX_ERRORS = 100;

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'horizontalRule',
  'table',
  'image',
  'video',
  'callout',
  'reflection',
  'caseStudy',
  'sources',
]);
const INLINE_TYPES = new Set(['text', 'hardBreak']);
const ALL_TYPES = new Set([
  ...BLOCK_TYPES,
  ...INLINE_TYPES,
  'doc',
  'listItem',
  'tableRow',
  'tableCell',
  'tableHeader',
]);
const SIMPLE_MARKS = new Set(['bold', 'italic', 'code', 'superscript', 'subscript']);
const REFLECTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);

type Json = Record<string, unknown>;

/** A node whose shared keys are well-formed; its own attributes and content are checked next. */
interface Shaped {
  type: string;
  attrs: Json | undefined;
  content: unknown;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class DocumentTooLarge extends Error {}

/** Walks untrusted JSON once, collecting every problem with its path and building the clean document. */
class Validator {
  readonly errors: FieldError[] = [];
  private nodes = 0;
  private textChars = 0;

  fail(field: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ field, message, in: 'body' });
  }

  /** Counts a node and text against the document limits; past them nothing else is worth checking. */
  private count(path: string, text = 0): void {
    this.nodes += 1;
    this.textChars += text;
    if (this.nodes > RICH_TEXT_LIMITS.nodes) {
      this.fail(path, `documents may have at most ${RICH_TEXT_LIMITS.nodes} nodes`);
      throw new DocumentTooLarge();
    }
    if (this.textChars > RICH_TEXT_LIMITS.textChars) {
      this.fail(path, `documents may have at most ${RICH_TEXT_LIMITS.textChars} characters of text`);
      throw new DocumentTooLarge();
    }
  }

  document(input: unknown, path: string): RichTextDocument | undefined {
    if (!isObject(input) || input.type !== 'doc') {
      this.fail(path, 'must be a document: an object with type "doc"');
      return undefined;
    }
    const raw = this.shape(input, path);
    this.count(path);
    if (!raw) return undefined;
    this.noAttrs(raw.attrs, path);
    const content = this.blocks(raw.content, path, 1, { allowEmpty: true });
    return { type: 'doc', content };
  }

  /** Checks the keys every node shares; returns undefined when the node is unusable. */
  private shape(raw: Json, path: string): Shaped | undefined {
    let usable = true;
    for (const key of Object.keys(raw)) {
      if (!NODE_KEYS.has(key)) this.fail(`${path}.${key}`, `unknown property "${key}"`);
    }
    if (typeof raw.type !== 'string') {
      this.fail(`${path}.type`, 'must be a node type');
      return undefined;
    }
    if (raw.attrs !== undefined && !isObject(raw.attrs)) {
      this.fail(`${path}.attrs`, 'must be an object');
      usable = false;
    }
    if (raw.content !== undefined && !Array.isArray(raw.content)) {
      this.fail(`${path}.content`, 'must be an array of nodes');
      usable = false;
    }
    if (raw.type !== 'text') {
      if (raw.text !== undefined) this.fail(`${path}.text`, 'only text nodes have text');
      if (raw.marks !== undefined) this.fail(`${path}.marks`, 'only text nodes have marks');
    }
    if (!usable) return undefined;
    return { type: raw.type, attrs: raw.attrs as Json | undefined, content: raw.content };
  }

  private noAttrs(attrs: Json | undefined, path: string): void {
    this.attrs(attrs, path, []);
  }

  private noContent(content: unknown, path: string): void {
    if (Array.isArray(content) && content.length > 0)
      this.fail(`${path}.content`, 'this node has no content');
  }

  /** Refuses unknown attributes and over-long strings; returns the attributes to check further. */
  private attrs(attrs: Json | undefined, path: string, known: readonly string[]): Json {
    const result: Json = {};
    if (!attrs) return result;
    for (const [key, value] of Object.entries(attrs)) {
      const field = `${path}.attrs.${key}`;
      if (!known.includes(key)) {
        this.fail(field, `unknown attribute "${key}"`);
        continue;
      }
      const limit = key === 'transcript' ? RICH_TEXT_LIMITS.transcriptChars : RICH_TEXT_LIMITS.attrChars;
      if (typeof value === 'string' && value.length > limit) {
        this.fail(field, `must be at most ${limit} characters`);
        continue;
      }
      result[key] = value;
    }
    return result;
  }

  private nonEmptyString(value: unknown, field: string, what: string): string | undefined {
    if (typeof value !== 'string' || value.trim().length === 0) {
      this.fail(field, `${what} is required`);
      return undefined;
    }
    return value;
  }

  private integer(value: unknown, field: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  private children(content: unknown, path: string, depth: number): { raw: unknown; path: string }[] {
    if (!Array.isArray(content)) return [];
    if (depth > RICH_TEXT_LIMITS.depth) {
      this.fail(`${path}.content`, `nodes may be nested at most ${RICH_TEXT_LIMITS.depth} levels deep`);
      return [];
    }
    return content.map((raw, i) => ({ raw, path: `${path}.content[${i}]` }));
  }

  private blocks(
    content: unknown,
    path: string,
    depth: number,
    options: { allowEmpty?: boolean } = {},
  ): BlockNode[] {
    const kids = this.children(content, path, depth);
    if (kids.length === 0 && !options.allowEmpty && depth <= RICH_TEXT_LIMITS.depth) {
      this.fail(`${path}.content`, 'must contain at least one block');
    }
    const out: BlockNode[] = [];
    for (const kid of kids) {
      const node = this.block(kid.raw, kid.path, depth + 1);
      if (node) out.push(node);
    }
    return out;
  }

  private inlines(content: unknown, path: string, depth: number): InlineNode[] {
    const out: InlineNode[] = [];
    for (const kid of this.children(content, path, depth)) {
      const node = this.inline(kid.raw, kid.path);
      if (node) out.push(node);
    }
    return out;
  }

  /** Looks up the node type and reports misplaced or unknown nodes with a useful message. */
  private typed(raw: unknown, path: string, allowed: ReadonlySet<string>, where: string): Shaped | undefined {
    if (!isObject(raw)) {
      this.fail(path, 'must be a node (an object with a type)');
      return undefined;
    }
    const shaped = this.shape(raw, path);
    if (!shaped) return undefined;
    if (!ALL_TYPES.has(shaped.type)) {
      this.fail(`${path}.type`, `unknown node type "${shaped.type.slice(0, 50)}"`);
      return undefined;
    }
    if (!allowed.has(shaped.type)) {
      this.fail(`${path}.type`, `a "${shaped.type}" node is not allowed ${where}`);
      return undefined;
    }
    return shaped;
  }

  private inline(raw: unknown, path: string): InlineNode | undefined {
    const node = this.typed(raw, path, INLINE_TYPES, 'here: only text and hard breaks are');
    if (!node) return undefined;
    this.noAttrs(node.attrs, path);
    this.noContent(node.content, path);
    if (node.type === 'hardBreak') {
      this.count(path);
      return { type: 'hardBreak' };
    }
    const source = raw as Json;
    if (typeof source.text !== 'string' || source.text.length === 0) {
      this.fail(`${path}.text`, 'a text node needs non-empty text');
      this.count(path);
      return undefined;
    }
    this.count(path, source.text.length);
    const marks = this.marks(source.marks, `${path}.marks`);
    return marks && marks.length > 0
      ? { type: 'text', text: source.text, marks }
      : { type: 'text', text: source.text };
  }

  private marks(raw: unknown, path: string): Mark[] | undefined {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      this.fail(path, 'must be an array of marks');
      return undefined;
    }
    const out: Mark[] = [];
    const seen = new Set<string>();
    raw.forEach((mark: unknown, i) => {
      const field = `${path}[${i}]`;
      if (!isObject(mark) || typeof mark.type !== 'string') {
        this.fail(field, 'must be a mark (an object with a type)');
        return;
      }
      for (const key of Object.keys(mark)) {
        if (key !== 'type' && key !== 'attrs') this.fail(`${field}.${key}`, `unknown property "${key}"`);
      }
      if (seen.has(mark.type)) {
        this.fail(`${field}.type`, `the "${mark.type}" mark appears twice`);
        return;
      }
      seen.add(mark.type);
      if (mark.attrs !== undefined && !isObject(mark.attrs)) {
        this.fail(`${field}.attrs`, 'must be an object');
        return;
      }
      if (SIMPLE_MARKS.has(mark.type)) {
        this.noAttrs(mark.attrs as Json | undefined, field);
        out.push({ type: mark.type } as Mark);
        return;
      }
      if (mark.type === 'link') {
        // tiptap's Link extension always sends target, rel and class; they are ignored (no new windows).
        const attrs = this.attrs(mark.attrs as Json | undefined, field, ['href', 'target', 'rel', 'class']);
        const href = attrs.href;
        if (typeof href !== 'string' || !isAllowedLinkHref(href)) {
          if (href === undefined || typeof href === 'string') {
            this.fail(`${field}.attrs.href`, 'links may only point to http, https or mailto addresses');
          } else {
            this.fail(`${field}.attrs.href`, 'must be a string');
          }
          return;
        }
        for (const ignored of ['target', 'rel', 'class'] as const) {
          const value = attrs[ignored];
          if (value !== undefined && value !== null && typeof value !== 'string')
            this.fail(`${field}.attrs.${ignored}`, 'must be a string or null');
        }
        out.push({ type: 'link', attrs: { href } });
        return;
      }
      this.fail(`${field}.type`, `unknown mark "${mark.type.slice(0, 50)}"`);
    });
    return out;
  }

  private block(raw: unknown, path: string, depth: number): BlockNode | undefined {
    const node = this.typed(raw, path, BLOCK_TYPES, 'here: only blocks are');
    if (!node) return undefined;
    this.count(path);
    switch (node.type) {
      case 'paragraph':
        this.noAttrs(node.attrs, path);
        return { type: 'paragraph', content: this.inlines(node.content, path, depth) };
      case 'heading': {
        const attrs = this.attrs(node.attrs, path, ['level']);
        const level = this.integer(attrs.level, `${path}.attrs.level`, 2, 4);
        const content = this.inlines(node.content, path, depth);
        return level === undefined
          ? undefined
          : { type: 'heading', attrs: { level: level as 2 | 3 | 4 }, content };
      }
      case 'bulletList':
        this.noAttrs(node.attrs, path);
        return { type: 'bulletList', content: this.listItems(node.content, path, depth) };
      case 'orderedList': {
        const attrs = this.attrs(node.attrs, path, ['start']);
        const start =
          attrs.start === undefined || attrs.start === null
            ? 1
            : this.integer(attrs.start, `${path}.attrs.start`, 1, 1_000_000);
        const content = this.listItems(node.content, path, depth);
        return {
          type: 'orderedList',
          ...(start !== undefined && start !== 1 ? { attrs: { start } } : {}),
          content,
        };
      }
      case 'blockquote':
        this.noAttrs(node.attrs, path);
        return { type: 'blockquote', content: this.blocks(node.content, path, depth) };
      case 'horizontalRule':
        this.noAttrs(node.attrs, path);
        this.noContent(node.content, path);
        return { type: 'horizontalRule' };
      case 'table':
        this.noAttrs(node.attrs, path);
        return { type: 'table', content: this.tableRows(node.content, path, depth) };
      case 'image':
        this.noContent(node.content, path);
        return this.image(node.attrs, path);
      case 'video':
        this.noContent(node.content, path);
        return this.video(node.attrs, path);
      case 'callout': {
        const attrs = this.attrs(node.attrs, path, ['variant']);
        const variant = attrs.variant;
        if (variant !== 'note' && variant !== 'tip' && variant !== 'warning') {
          this.fail(`${path}.attrs.variant`, 'must be note, tip or warning');
        }
        const content = this.blocks(node.content, path, depth);
        return variant === 'note' || variant === 'tip' || variant === 'warning'
          ? { type: 'callout', attrs: { variant }, content }
          : undefined;
      }
      case 'reflection': {
        this.noContent(node.content, path);
        const attrs = this.attrs(node.attrs, path, ['id', 'prompt']);
        const id = attrs.id;
        if (typeof id !== 'string' || !REFLECTION_ID.test(id))
          this.fail(`${path}.attrs.id`, 'must be a UUID that stays the same when the document is edited');
        const prompt = this.nonEmptyString(
          attrs.prompt,
          `${path}.attrs.prompt`,
          'the question for the learner',
        );
        if (prompt !== undefined && prompt.length > RICH_TEXT_LIMITS.reflectionPromptChars) {
          this.fail(
            `${path}.attrs.prompt`,
            `must be at most ${RICH_TEXT_LIMITS.reflectionPromptChars} characters`,
          );
          return undefined;
        }
        if (prompt !== undefined) this.count(`${path}.attrs.prompt`, prompt.length);
        return typeof id === 'string' && REFLECTION_ID.test(id) && prompt !== undefined
          ? { type: 'reflection', attrs: { id: id.toLowerCase(), prompt } }
          : undefined;
      }
      case 'caseStudy': {
        const attrs = this.attrs(node.attrs, path, ['title']);
        const title = this.nonEmptyString(attrs.title, `${path}.attrs.title`, 'a title');
        const content = this.blocks(node.content, path, depth);
        return title === undefined ? undefined : { type: 'caseStudy', attrs: { title }, content };
      }
      case 'sources': {
        this.noAttrs(node.attrs, path);
        const kids = this.children(node.content, path, depth);
        if (kids.length !== 1) {
          this.fail(`${path}.content`, 'must contain exactly one ordered list of sources');
          return undefined;
        }
        const kid = kids[0]!;
        const list = this.typed(
          kid.raw,
          kid.path,
          new Set(['orderedList']),
          'here: a sources block holds one ordered list',
        );
        if (!list) return undefined;
        const listNode = this.block(kid.raw, kid.path, depth + 1);
        return listNode?.type === 'orderedList' ? { type: 'sources', content: [listNode] } : undefined;
      }
      default:
        return undefined;
    }
  }

  private listItems(content: unknown, path: string, depth: number): ListItemNode[] {
    const kids = this.children(content, path, depth);
    if (kids.length === 0 && depth <= RICH_TEXT_LIMITS.depth)
      this.fail(`${path}.content`, 'a list needs at least one item');
    const out: ListItemNode[] = [];
    for (const kid of kids) {
      const item = this.typed(kid.raw, kid.path, new Set(['listItem']), 'in a list: only list items are');
      if (!item) continue;
      this.count(kid.path);
      this.noAttrs(item.attrs, kid.path);
      out.push({ type: 'listItem', content: this.blocks(item.content, kid.path, depth + 1) });
    }
    return out;
  }

  private tableRows(content: unknown, path: string, depth: number): TableRowNode[] {
    const kids = this.children(content, path, depth);
    if (kids.length === 0 && depth <= RICH_TEXT_LIMITS.depth)
      this.fail(`${path}.content`, 'a table needs at least one row');
    const out: TableRowNode[] = [];
    for (const kid of kids) {
      const row = this.typed(kid.raw, kid.path, new Set(['tableRow']), 'in a table: only rows are');
      if (!row) continue;
      this.count(kid.path);
      this.noAttrs(row.attrs, kid.path);
      const cells = this.children(row.content, kid.path, depth + 1);
      if (cells.length === 0 && depth + 1 <= RICH_TEXT_LIMITS.depth)
        this.fail(`${kid.path}.content`, 'a row needs at least one cell');
      const rowContent: TableCellNode[] = [];
      for (const c of cells) {
        const cell = this.typed(
          c.raw,
          c.path,
          new Set(['tableCell', 'tableHeader']),
          'in a row: only cells are',
        );
        if (!cell) continue;
        this.count(c.path);
        const attrs = this.cellAttrs(cell.attrs, c.path);
        const cellContent = this.blocks(cell.content, c.path, depth + 2);
        rowContent.push({
          type: cell.type as 'tableCell' | 'tableHeader',
          ...(attrs ? { attrs } : {}),
          content: cellContent,
        });
      }
      out.push({ type: 'tableRow', content: rowContent });
    }
    return out;
  }

  private cellAttrs(raw: Json | undefined, path: string): TableCellAttrs | undefined {
    const attrs = this.attrs(raw, path, ['colspan', 'rowspan', 'colwidth']);
    const out: TableCellAttrs = {};
    for (const key of ['colspan', 'rowspan'] as const) {
      const value = attrs[key];
      if (value === undefined || value === null) continue;
      const n = this.integer(value, `${path}.attrs.${key}`, 1, RICH_TEXT_LIMITS.cellSpan);
      if (n !== undefined && n !== 1) out[key] = n;
    }
    const widths = attrs.colwidth;
    if (widths !== undefined && widths !== null) {
      if (
        !Array.isArray(widths) ||
        widths.length > RICH_TEXT_LIMITS.cellSpan ||
        !widths.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= 10_000)
      ) {
        this.fail(`${path}.attrs.colwidth`, 'must be a list of column widths in pixels');
      } else {
        out.colwidth = widths as number[];
      }
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  private image(raw: Json | undefined, path: string): BlockNode | undefined {
    const attrs = this.attrs(raw, path, ['src', 'alt', 'title', 'decorative']);
    let ok = true;
    const src = attrs.src;
    if (typeof src !== 'string' || !isAllowedImageSrc(src)) {
      this.fail(
        `${path}.attrs.src`,
        'images must be https addresses or files uploaded to Archipelago (/api/files/…)',
      );
      ok = false;
    }
    const decorative = attrs.decorative;
    if (decorative !== undefined && decorative !== null && typeof decorative !== 'boolean') {
      this.fail(`${path}.attrs.decorative`, 'must be true or false');
      ok = false;
    }
    const alt = attrs.alt ?? '';
    if (typeof alt !== 'string') {
      this.fail(`${path}.attrs.alt`, 'must be text');
      ok = false;
    } else if (decorative === true && alt.length > 0) {
      this.fail(`${path}.attrs.alt`, 'a decorative image has no alternative text');
      ok = false;
    } else if (decorative !== true && alt.trim().length === 0) {
      this.fail(`${path}.attrs.alt`, 'alternative text is required, unless the image is marked decorative');
      ok = false;
    }
    const title = attrs.title;
    if (title !== undefined && title !== null && typeof title !== 'string') {
      this.fail(`${path}.attrs.title`, 'must be text');
      ok = false;
    }
    if (!ok) return undefined;
    this.count(path, (alt as string).length + (typeof title === 'string' ? title.length : 0));
    return {
      type: 'image',
      attrs: {
        src: src as string,
        alt: alt as string,
        ...(typeof title === 'string' && title.trim().length > 0 ? { title } : {}),
        ...(decorative === true ? { decorative: true } : {}),
      },
    };
  }

  private video(raw: Json | undefined, path: string): BlockNode | undefined {
    const attrs = this.attrs(raw, path, ['src', 'title', 'transcript', 'captionsUrl']);
    let ok = true;
    const src = attrs.src;
    if (typeof src !== 'string' || !parseVideoUrl(src)) {
      this.fail(`${path}.attrs.src`, 'videos must be https addresses of a single YouTube or Vimeo video');
      ok = false;
    }
    const title = this.nonEmptyString(attrs.title, `${path}.attrs.title`, 'a title');
    if (title === undefined) ok = false;
    const transcript = attrs.transcript;
    const captionsUrl = attrs.captionsUrl;
    const hasTranscript = typeof transcript === 'string' && transcript.trim().length > 0;
    if (transcript !== undefined && transcript !== null && typeof transcript !== 'string') {
      this.fail(`${path}.attrs.transcript`, 'must be text');
      ok = false;
    }
    const hasCaptions = captionsUrl !== undefined && captionsUrl !== null && captionsUrl !== '';
    if (hasCaptions && (typeof captionsUrl !== 'string' || !isHttpsUrl(captionsUrl))) {
      this.fail(`${path}.attrs.captionsUrl`, 'captions must be an https address');
      ok = false;
    }
    if (!hasTranscript && !hasCaptions) {
      this.fail(`${path}.attrs.transcript`, 'a video needs a transcript or a captions address');
      ok = false;
    }
    if (!ok) return undefined;
    this.count(path, (title as string).length + (hasTranscript ? (transcript as string).length : 0));
    return {
      type: 'video',
      attrs: {
        src: src as string,
        title: title as string,
        ...(hasTranscript ? { transcript: transcript as string } : {}),
        ...(hasCaptions ? { captionsUrl: captionsUrl as string } : {}),
      },
    };
  }
}

/**
 * Checks untrusted tiptap JSON against the allowed schema and returns a clean copy (ignored attributes
 * such as a link's `target` removed). Throws a 422 `invalid-document` problem listing every problem by
 * its path, for example `document.content[3].content[0].marks[1].attrs.href`.
 */
export function validateDocument(
  input: unknown,
  options: ValidateOptions = {},
): { document: RichTextDocument } {
  const field = options.field ?? 'document';
  const validator = new Validator();
  let document: RichTextDocument | undefined;
  try {
    document = validator.document(input, field);
  } catch (error) {
    if (!(error instanceof DocumentTooLarge)) throw error;
  }
  if (validator.errors.length > 0 || !document) {
    const errors = validator.errors;
    throw new ProblemException({
      status: 422,
      type: ProblemType.InvalidDocument,
      detail:
        errors
          .map((e) => `${e.field}: ${e.message}`)
          .slice(0, 5)
          .join('; ') + (errors.length > 5 ? `; and ${errors.length - 5} more` : ''),
      errors,
    });
  }
  return { document };
}

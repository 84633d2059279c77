import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type {
  BlockNode,
  CalloutVariant,
  InlineNode,
  Mark,
  RichTextDocument,
  TextNode,
} from './rich-text.types.js';
import { isAllowedLinkHref } from '@archipelago/rich-text-rules';
import { validateDocument } from './validate-document.js';

/**
 * The Markdown dialect of packages/content: CommonMark with tables, no raw HTML (it stays text), no
 * images or strikethrough (the schema has no place for them), and callouts written as block quotes
 * whose first line is `[!NOTE]`, `[!TIP]`, `[!WARNING]` or `[!CASE] Title`.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).disable([
  'image',
  'strikethrough',
]);

const CALLOUT_MARKER = /^\s*\[!(NOTE|TIP|WARNING|CASE)\]\s*(.*)$/;

type Callout = { variant: CalloutVariant } | { caseTitle: string };

/** An element being built while its tokens stream past. */
interface Frame {
  kind:
    | 'doc'
    | 'paragraph'
    | 'heading'
    | 'bulletList'
    | 'orderedList'
    | 'listItem'
    | 'blockquote'
    | 'table'
    | 'tableRow'
    | 'tableHeader'
    | 'tableCell';
  blocks: BlockNode[];
  inlines: InlineNode[];
  level?: 2 | 3 | 4;
  start?: number;
  callout?: Callout;
  /** Set on the callout's first paragraph when the marker line was all it held. */
  dropIfEmpty?: boolean;
  /** Rows and cells are not blocks; they are kept here until their parent closes. */
  children?: Frame[];
}

const OPEN: Record<string, Frame['kind']> = {
  paragraph_open: 'paragraph',
  heading_open: 'heading',
  bullet_list_open: 'bulletList',
  ordered_list_open: 'orderedList',
  list_item_open: 'listItem',
  blockquote_open: 'blockquote',
  table_open: 'table',
  tr_open: 'tableRow',
  th_open: 'tableHeader',
  td_open: 'tableCell',
};

function frame(kind: Frame['kind']): Frame {
  return { kind, blocks: [], inlines: [] };
}

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Converts inline tokens, merging neighbours with the same marks as ProseMirror would. */
function convertInline(tokens: readonly Token[]): InlineNode[] {
  const out: InlineNode[] = [];
  const marks: (Mark | null)[] = [];
  const push = (text: string, extra?: Mark): void => {
    if (text.length === 0) return;
    const active = marks.filter((m): m is Mark => m !== null);
    if (extra) active.push(extra);
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, active)) {
      last.text += text;
      return;
    }
    const node: TextNode = active.length > 0 ? { type: 'text', text, marks: active } : { type: 'text', text };
    out.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'html_inline':
        push(token.content);
        break;
      case 'code_inline':
        push(token.content, { type: 'code' });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        out.push({ type: 'hardBreak' });
        break;
      case 'strong_open':
        marks.push({ type: 'bold' });
        break;
      case 'em_open':
        marks.push({ type: 'italic' });
        break;
      case 'link_open': {
        // A link the schema would refuse keeps its text and loses the link.
        const href = String(token.attrGet('href') ?? '');
        marks.push(isAllowedLinkHref(href) ? { type: 'link', attrs: { href } } : null);
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 'link_close':
        marks.pop();
        break;
      default:
        push(token.content);
    }
  }
  return out;
}

/** Splits off a callout marker line (`[!TIP]`, `[!CASE] Title`) from a block quote's first paragraph. */
function readCallout(children: readonly Token[]): { callout: Callout; rest: Token[] } | undefined {
  const breakAt = children.findIndex((t) => t.type === 'softbreak' || t.type === 'hardbreak');
  const firstLine = breakAt === -1 ? children : children.slice(0, breakAt);
  const text = firstLine
    .map((t) => (t.type === 'text' || t.type === 'code_inline' || t.type === 'text_special' ? t.content : ''))
    .join('');
  const match = CALLOUT_MARKER.exec(text);
  if (!match) return undefined;
  const kind = match[1]!;
  const title = (match[2] ?? '').trim();
  const rest = breakAt === -1 ? [] : children.slice(breakAt + 1);
  if (kind === 'CASE') return title.length > 0 ? { callout: { caseTitle: title }, rest } : undefined;
  return { callout: { variant: kind.toLowerCase() as CalloutVariant }, rest };
}

function codeParagraph(content: string): BlockNode | undefined {
  const lines = content.replace(/\n$/, '').split('\n');
  if (lines.every((l) => l.length === 0)) return undefined;
  const inlines: InlineNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) inlines.push({ type: 'hardBreak' });
    if (line.length > 0) inlines.push({ type: 'text', text: line, marks: [{ type: 'code' }] });
  });
  return { type: 'paragraph', content: inlines };
}

const EMPTY_PARAGRAPH = (): BlockNode => ({ type: 'paragraph', content: [] });

function nonEmpty(blocks: BlockNode[]): BlockNode[] {
  return blocks.length > 0 ? blocks : [EMPTY_PARAGRAPH()];
}

/** Turns a finished frame into the node its parent receives. */
function close(f: Frame, parent: Frame): void {
  switch (f.kind) {
    case 'paragraph':
      if (f.dropIfEmpty && f.inlines.length === 0) return;
      parent.blocks.push({ type: 'paragraph', content: f.inlines });
      return;
    case 'heading':
      parent.blocks.push({ type: 'heading', attrs: { level: f.level ?? 2 }, content: f.inlines });
      return;
    case 'bulletList':
    case 'orderedList': {
      const items = (f.children ?? []).map((item) => ({
        type: 'listItem' as const,
        content: nonEmpty(item.blocks),
      }));
      if (f.kind === 'bulletList') parent.blocks.push({ type: 'bulletList', content: items });
      else
        parent.blocks.push({
          type: 'orderedList',
          ...(f.start && f.start > 1 ? { attrs: { start: f.start } } : {}),
          content: items,
        });
      return;
    }
    case 'blockquote': {
      const content = nonEmpty(f.blocks);
      if (!f.callout) parent.blocks.push({ type: 'blockquote', content });
      else if ('caseTitle' in f.callout)
        parent.blocks.push({ type: 'caseStudy', attrs: { title: f.callout.caseTitle }, content });
      else parent.blocks.push({ type: 'callout', attrs: { variant: f.callout.variant }, content });
      return;
    }
    case 'table':
      parent.blocks.push({
        type: 'table',
        content: (f.children ?? []).map((row) => ({
          type: 'tableRow' as const,
          content: (row.children ?? []).map((cell) => ({
            type: cell.kind as 'tableHeader' | 'tableCell',
            content: [{ type: 'paragraph' as const, content: cell.inlines }],
          })),
        })),
      });
      return;
    default:
      // list items, rows and cells: their parent reads them when it closes
      (parent.children ??= []).push(f);
  }
}

/**
 * Converts the Markdown of a packages/content lesson (or any Markdown in that dialect) into a document
 * that passes `validateDocument`; `#` headings become level 2, as level 1 is the page title. Links
 * the schema refuses keep their text. Throws the same 422 problem as `validateDocument` when the
 * result breaks a limit (too large, nested too deeply).
 */
export function markdownToDocument(source: string): RichTextDocument {
  const tokens = markdown.parse(source, {});
  const stack: Frame[] = [frame('doc')];
  const top = (): Frame => stack[stack.length - 1]!;
  for (const token of tokens) {
    const opens = OPEN[token.type];
    if (opens) {
      const f = frame(opens);
      if (opens === 'heading') f.level = Math.min(Math.max(Number(token.tag.slice(1)), 2), 4) as 2 | 3 | 4;
      if (opens === 'orderedList') f.start = Number(token.attrGet('start') ?? 1);
      stack.push(f);
      continue;
    }
    if (token.nesting === -1) {
      if (token.type === 'thead_close' || token.type === 'tbody_close') continue;
      const f = stack.pop()!;
      close(f, top());
      continue;
    }
    switch (token.type) {
      case 'thead_open':
      case 'tbody_open':
        break;
      case 'inline': {
        const current = top();
        const parent = stack[stack.length - 2];
        let children = token.children ?? [];
        if (
          current.kind === 'paragraph' &&
          parent?.kind === 'blockquote' &&
          parent.blocks.length === 0 &&
          !parent.callout
        ) {
          const callout = readCallout(children);
          if (callout) {
            parent.callout = callout.callout;
            children = callout.rest;
            current.dropIfEmpty = true;
          }
        }
        current.inlines.push(...convertInline(children));
        break;
      }
      case 'fence':
      case 'code_block': {
        const paragraph = codeParagraph(token.content);
        if (paragraph) top().blocks.push(paragraph);
        break;
      }
      case 'hr':
        top().blocks.push({ type: 'horizontalRule' });
        break;
      default:
        // html_block and anything unforeseen: keep the words, as text
        if (token.content.trim().length > 0)
          top().blocks.push({ type: 'paragraph', content: [{ type: 'text', text: token.content.trim() }] });
    }
  }
  return validateDocument({ type: 'doc', content: stack[0]!.blocks }, { field: 'markdown' }).document;
}

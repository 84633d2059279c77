/**
 * GIFT texts ↔ rich-text documents. GIFT carries a format per question (`[markdown]`, `[html]`,
 * `[plain]`, or Moodle's own auto-format); documents are exported as plain text when they hold
 * nothing but paragraphs of unmarked text, and as Markdown otherwise, so formatting survives a
 * round trip through a GIFT file.
 */
import type { GiftFormat } from '../gift/index.js';
import type { RichText } from '../questions/index.js';
import { markdownToDocument } from '../../rich-text/markdown-to-document.js';
import type {
  BlockNode,
  InlineNode,
  ListItemNode,
  RichTextDocument,
} from '../../rich-text/rich-text.types.js';

const HTML_TAG = /<\/?[a-z][^>]*>/i;

export function giftTextToDocument(text: string, format: GiftFormat): RichText {
  if (format === 'markdown') return markdownToDocument(text) as RichText;
  if (format === 'html' || (format === 'moodle' && HTML_TAG.test(text))) {
    return plainToDocument(htmlToPlain(text));
  }
  return plainToDocument(text);
}

/** Paragraphs at blank lines; a single line break stays a line break. */
export function plainToDocument(text: string): RichText {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index): InlineNode[] => {
        const parts: InlineNode[] = index > 0 ? [{ type: 'hardBreak' }] : [];
        const trimmed = line.trim();
        return trimmed === '' ? parts : [...parts, { type: 'text', text: trimmed }];
      }),
    })),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Keeps the words of HTML: the schema has no raw HTML, and its tags would only show as text. */
function htmlToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return safeCodePoint(parseInt(name.slice(2), 16), entity);
      if (name.startsWith('#')) return safeCodePoint(Number(name.slice(1)), entity);
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Whether a document is paragraphs of unmarked text: then plain GIFT text carries all of it. */
export function isPlainDocument(document: RichText | null): boolean {
  if (document === null) return true;
  return ((document as RichTextDocument).content ?? []).every(
    (block) =>
      block.type === 'paragraph' &&
      block.content.every((inline) => inline.type === 'hardBreak' || (inline.marks ?? []).length === 0),
  );
}

export function documentToPlain(document: RichText | null): string {
  if (document === null) return '';
  return blocksToPlain((document as RichTextDocument).content ?? []);
}

function blocksToPlain(blocks: readonly BlockNode[] | readonly ListItemNode[]): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return inlinesToPlain(block.content);
        case 'image':
          return block.attrs.alt;
        case 'video':
          return `${block.attrs.title} (${block.attrs.src})`;
        case 'horizontalRule':
        case 'reflection':
          return '';
        case 'table':
          return block.content
            .map((row) => row.content.map((cell) => blocksToPlain(cell.content)).join(' | '))
            .join('\n');
        case 'caseStudy':
          return [block.attrs.title, blocksToPlain(block.content)].join('\n\n');
        default:
          return blocksToPlain(block.content);
      }
    })
    .filter((text) => text !== '')
    .join('\n\n');
}

function inlinesToPlain(inlines: readonly InlineNode[]): string {
  return inlines.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('');
}

/** Markdown in the dialect `markdownToDocument` reads back; images and videos keep their words. */
export function documentToMarkdown(document: RichText | null): string {
  if (document === null) return '';
  return blocksToMarkdown((document as RichTextDocument).content ?? []);
}

function blocksToMarkdown(blocks: readonly BlockNode[]): string {
  return blocks
    .map(blockToMarkdown)
    .filter((text) => text !== '')
    .join('\n\n');
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : by + line))
    .join('\n');
const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');

function blockToMarkdown(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesToMarkdown(block.content);
    case 'heading':
      return `${'#'.repeat(block.attrs.level)} ${inlinesToMarkdown(block.content)}`;
    case 'bulletList':
      return block.content.map((item) => `- ${indent(blocksToMarkdown(item.content), '  ')}`).join('\n');
    case 'orderedList': {
      const start = block.attrs?.start ?? 1;
      return block.content
        .map((item, index) => `${start + index}. ${indent(blocksToMarkdown(item.content), '   ')}`)
        .join('\n');
    }
    case 'blockquote':
      return quote(blocksToMarkdown(block.content));
    case 'callout':
      return quote(`[!${block.attrs.variant.toUpperCase()}]\n${blocksToMarkdown(block.content)}`);
    case 'caseStudy':
      return quote(`[!CASE] ${escapeMarkdown(block.attrs.title)}\n${blocksToMarkdown(block.content)}`);
    case 'sources':
      return blocksToMarkdown(block.content);
    case 'horizontalRule':
      return '---';
    case 'table': {
      const rows = block.content.map(
        (row) =>
          `| ${row.content.map((cell) => blocksToPlain(cell.content).replace(/\n/g, ' ').replace(/\|/g, '\\|')).join(' | ')} |`,
      );
      const columns = block.content[0]?.content.length ?? 1;
      return [rows[0], `|${' --- |'.repeat(columns)}`, ...rows.slice(1)].join('\n');
    }
    case 'image':
      return escapeMarkdown(block.attrs.alt);
    case 'video':
      return `${escapeMarkdown(block.attrs.title)} <${block.attrs.src}>`;
    case 'reflection':
      return '';
  }
}

function inlinesToMarkdown(inlines: readonly InlineNode[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === 'hardBreak') return '\\\n';
      const marks = inline.marks ?? [];
      // Spaces inside emphasis delimiters stop Markdown from reading them, so they go outside.
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text) ?? [];
      if (core === '') return inline.text;
      let text = marks.some((mark) => mark.type === 'code') ? codeSpan(core) : escapeMarkdown(core);
      if (marks.some((mark) => mark.type === 'italic')) text = `*${text}*`;
      if (marks.some((mark) => mark.type === 'bold')) text = `**${text}**`;
      const link = marks.find((mark) => mark.type === 'link');
      if (link?.type === 'link')
        text = `[${text}](<${link.attrs.href.replace(/[<>]/g, encodeURIComponent)}>)`;
      return lead + text + trail;
    })
    .join('');
}

function codeSpan(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|&~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-]|\d+[.)])/gm, (_match, space: string, marker: string) =>
      marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    );
}

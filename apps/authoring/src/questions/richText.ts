import type { RichNode, RichText } from './questionModel';

/*
 * Short texts of a question (options, feedback, pair prompts, ordering items) are edited as plain
 * text and stored as tiptap documents of paragraphs, one per line, which is what the API accepts for
 * every rich-text field. The prompt and general feedback get the compact rich-text editor instead.
 */

/** A document with one paragraph per line; blank lines are dropped. */
export function textToDoc(text: string): RichText {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    type: 'doc',
    content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/** The same, or null for an empty text: optional feedback is stored as null. */
export function textToOptionalDoc(text: string): RichText | null {
  return text.trim() === '' ? null : textToDoc(text);
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'tableCell', 'tableHeader']);

function collect(node: RichNode, lines: string[], current: string[]): void {
  if (node.text !== undefined) current.push(node.text);
  if (node.type === 'hardBreak') current.push('\n');
  for (const child of node.content ?? []) {
    if (child.type && BLOCKS.has(child.type)) {
      const inner: string[] = [];
      collect(child, lines, inner);
      if (inner.length > 0) lines.push(inner.join(''));
    } else {
      collect(child, lines, current);
    }
  }
}

/** The words of a document, one line per block, for plain fields and names. */
export function docToText(doc: RichText | null | undefined): string {
  if (!doc) return '';
  const lines: string[] = [];
  const rest: string[] = [];
  collect(doc as RichNode, lines, rest);
  if (rest.length > 0) lines.push(rest.join(''));
  return lines.join('\n');
}

/** True when a document holds no words (and no image). */
export function isEmptyDoc(doc: RichText | null | undefined): boolean {
  const hasContent = (node: RichNode): boolean =>
    (node.text ?? '').trim() !== '' || node.type === 'image' || (node.content ?? []).some(hasContent);
  return !doc || !hasContent(doc as RichNode);
}

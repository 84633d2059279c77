import type { RichText } from './question-model.js';

interface Node {
  type?: string;
  text?: string;
  content?: Node[];
}

const INLINE = new Set(['text', 'hardBreak']);

/**
 * The words of a rich-text document on one line: for labels where markup cannot go (CSV cells,
 * report tables, GIFT export of plain text). Blocks are joined with a space.
 */
export function plainText(document: RichText | null | undefined): string {
  if (!document) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'text' && typeof node.text === 'string') parts.push(node.text);
    else if (node.type === 'hardBreak') parts.push(' ');
    for (const child of node.content ?? []) walk(child);
    if (node.type && !INLINE.has(node.type) && node.type !== 'doc') parts.push(' ');
  };
  walk(document as Node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

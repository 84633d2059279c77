import type { JSONContent } from '@tiptap/core';

/**
 * The attributes the server keeps for each node and mark (apps/api/src/rich-text/validate-document.ts).
 * tiptap adds others with null defaults (an image's width, an ordered list's type); the API refuses any
 * attribute it does not know, so the editor sends only these.
 */
const KEPT_ATTRS: Record<string, readonly string[]> = {
  heading: ['level'],
  orderedList: ['start'],
  tableCell: ['colspan', 'rowspan', 'colwidth'],
  tableHeader: ['colspan', 'rowspan', 'colwidth'],
  image: ['src', 'alt', 'title', 'decorative'],
  video: ['src', 'title', 'transcript', 'captionsUrl'],
  callout: ['variant'],
  reflection: ['id', 'prompt'],
  caseStudy: ['title'],
  link: ['href'],
};

/** Defaults that mean "nothing": leaving them out keeps the stored document small and stable. */
function isDefault(type: string, key: string, value: unknown): boolean {
  if (value === null || value === undefined || value === '') return !(type === 'image' && key === 'alt');
  if (key === 'decorative') return value === false;
  if ((key === 'colspan' || key === 'rowspan' || key === 'start') && value === 1) return true;
  return false;
}

function keptAttrs(type: string, attrs: Record<string, unknown> | undefined) {
  const kept = KEPT_ATTRS[type];
  if (!kept || !attrs) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of kept) {
    if (!isDefault(type, key, attrs[key])) out[key] = attrs[key];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The editor's JSON in the shape the API stores: only known attributes, no empty defaults. */
export function toStoredDocument(node: JSONContent): JSONContent {
  const type = node.type ?? 'doc';
  const out: JSONContent = { type };
  const attrs = keptAttrs(type, node.attrs);
  if (attrs) out.attrs = attrs;
  if (node.text !== undefined) out.text = node.text;
  if (node.marks && node.marks.length > 0) {
    out.marks = node.marks.map((mark) => {
      const markAttrs = keptAttrs(mark.type, mark.attrs);
      return markAttrs ? { type: mark.type, attrs: markAttrs } : { type: mark.type };
    });
  }
  if (node.content) out.content = node.content.map(toStoredDocument);
  return out;
}

/** An empty lesson, as the editor would make it. */
export const EMPTY_DOCUMENT: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * The rich-text documents Archipelago stores: tiptap (ProseMirror) JSON restricted to the nodes, marks
 * and attributes below. `validateDocument` turns untrusted JSON into these types; nothing else should
 * build them from client input.
 */

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'code' }
  | { type: 'superscript' }
  | { type: 'subscript' }
  | { type: 'link'; attrs: { href: string } };

export type MarkType = Mark['type'];

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export interface HardBreakNode {
  type: 'hardBreak';
}

export type InlineNode = TextNode | HardBreakNode;

export interface ParagraphNode {
  type: 'paragraph';
  content: InlineNode[];
}

export interface HeadingNode {
  type: 'heading';
  /** 2–4: level 1 is the page title. */
  attrs: { level: 2 | 3 | 4 };
  content: InlineNode[];
}

export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}

export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start: number };
  content: ListItemNode[];
}

export interface BlockquoteNode {
  type: 'blockquote';
  content: BlockNode[];
}

export interface HorizontalRuleNode {
  type: 'horizontalRule';
}

export interface TableCellAttrs {
  colspan?: number;
  rowspan?: number;
  /** Column widths the editor keeps when an author resizes a column; not rendered. */
  colwidth?: number[] | null;
}

export interface TableCellNode {
  type: 'tableCell' | 'tableHeader';
  attrs?: TableCellAttrs;
  content: BlockNode[];
}

export interface TableRowNode {
  type: 'tableRow';
  content: TableCellNode[];
}

export interface TableNode {
  type: 'table';
  content: TableRowNode[];
}

export interface ImageNode {
  type: 'image';
  /** `alt` is non-empty, or empty when `decorative` is true. */
  attrs: { src: string; alt: string; title?: string; decorative?: boolean };
}

export interface VideoNode {
  type: 'video';
  /** At least one of `transcript` and `captionsUrl`. */
  attrs: { src: string; title: string; transcript?: string; captionsUrl?: string };
}

export type CalloutVariant = 'note' | 'tip' | 'warning';

export interface CalloutNode {
  type: 'callout';
  attrs: { variant: CalloutVariant };
  content: BlockNode[];
}

export interface ReflectionNode {
  type: 'reflection';
  /** `id` keys the learner's private answer, so it must stay the same across edits. */
  attrs: { id: string; prompt: string };
}

export interface CaseStudyNode {
  type: 'caseStudy';
  attrs: { title: string };
  content: BlockNode[];
}

export interface SourcesNode {
  type: 'sources';
  content: [OrderedListNode];
}

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BulletListNode
  | OrderedListNode
  | BlockquoteNode
  | HorizontalRuleNode
  | TableNode
  | ImageNode
  | VideoNode
  | CalloutNode
  | ReflectionNode
  | CaseStudyNode
  | SourcesNode;

export interface RichTextDocument {
  type: 'doc';
  content: BlockNode[];
}

export type RichTextNode =
  RichTextDocument | BlockNode | ListItemNode | TableRowNode | TableCellNode | InlineNode;

/** The limits a document must respect; the API refuses anything larger. */
export const RICH_TEXT_LIMITS = {
  depth: 20,
  nodes: 20_000,
  textChars: 500_000,
  attrChars: 2_000,
  /** A video transcript is long by nature; it counts towards `textChars` instead. */
  transcriptChars: 100_000,
  reflectionPromptChars: 500,
  cellSpan: 20,
} as const;

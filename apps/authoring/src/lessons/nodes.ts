import { Node, mergeAttributes } from '@tiptap/core';

/** Labels the nodes show inside the editor; the page passes them in the author's language. */
export interface NodeLabels {
  reflection: string;
  caseStudy: string;
  video: string;
  transcript: string;
  callout: Record<CalloutVariant, string>;
}

export const CALLOUT_VARIANTS = ['note', 'tip', 'warning'] as const;
export type CalloutVariant = (typeof CALLOUT_VARIANTS)[number];

const isVariant = (value: unknown): value is CalloutVariant =>
  CALLOUT_VARIANTS.includes(value as CalloutVariant);

/** A note, tip or warning box around ordinary blocks. */
export const Callout = Node.create<{ labels: NodeLabels['callout'] | null }>({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,
  addOptions: () => ({ labels: null }),
  addAttributes: () => ({
    variant: {
      default: 'note',
      parseHTML: (element) => {
        const value = element.getAttribute('data-variant');
        return isVariant(value) ? value : 'note';
      },
      renderHTML: (attrs) => ({ 'data-variant': attrs.variant as string }),
    },
  }),
  parseHTML: () => [{ tag: 'div[data-type="callout"]' }],
  renderHTML({ node, HTMLAttributes }) {
    const variant = isVariant(node.attrs.variant) ? node.attrs.variant : 'note';
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-type': 'callout',
        class: `lesson-callout lesson-callout--${variant}`,
        'data-label': this.options.labels?.[variant] ?? variant,
      }),
      0,
    ];
  },
});

/**
 * A question the learner answers privately. An atom: its prompt is edited through a form, and its
 * id keys the learners' answers, so it is made once and never changed.
 */
export const Reflection = Node.create<{ label: string }>({
  name: 'reflection',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addOptions: () => ({ label: 'Reflection' }),
  addAttributes: () => ({
    id: { default: null, parseHTML: (el) => el.getAttribute('data-id'), renderHTML: () => ({}) },
    prompt: { default: '', parseHTML: (el) => el.getAttribute('data-prompt') ?? '', renderHTML: () => ({}) },
  }),
  parseHTML: () => [{ tag: 'div[data-type="reflection"]' }],
  renderHTML({ node, HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-type': 'reflection',
        'data-id': node.attrs.id as string,
        'data-prompt': node.attrs.prompt as string,
        class: 'lesson-reflection',
      }),
      ['p', { class: 'lesson-block-label' }, this.options.label],
      ['p', {}, node.attrs.prompt as string],
    ];
  },
});

/** A titled story from practice, holding ordinary blocks. */
export const CaseStudy = Node.create<{ label: string }>({
  name: 'caseStudy',
  group: 'block',
  content: 'block+',
  defining: true,
  addOptions: () => ({ label: 'Case study' }),
  addAttributes: () => ({
    title: { default: '', parseHTML: (el) => el.getAttribute('data-title') ?? '', renderHTML: () => ({}) },
  }),
  parseHTML: () => [{ tag: 'div[data-type="case-study"]', contentElement: '.lesson-case-study__body' }],
  renderHTML({ node, HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-type': 'case-study',
        'data-title': node.attrs.title as string,
        class: 'lesson-case-study',
      }),
      [
        'p',
        { class: 'lesson-block-label', contenteditable: 'false' },
        `${this.options.label}: ${node.attrs.title as string}`,
      ],
      ['div', { class: 'lesson-case-study__body' }, 0],
    ];
  },
});

/** A YouTube or Vimeo video with its transcript; the learner app embeds it, the editor shows a card. */
export const Video = Node.create<{ label: string; transcriptLabel: string }>({
  name: 'video',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addOptions: () => ({ label: 'Video', transcriptLabel: 'Transcript' }),
  addAttributes: () => {
    const data = (name: string) => ({
      default: null,
      parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`),
      renderHTML: () => ({}),
    });
    return {
      src: data('src'),
      title: data('title'),
      transcript: data('transcript'),
      captionsUrl: data('captions'),
    };
  },
  parseHTML: () => [{ tag: 'div[data-type="video"]' }],
  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as { src: string | null; title: string | null; transcript: string | null };
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-type': 'video',
        'data-src': attrs.src ?? '',
        'data-title': attrs.title ?? '',
        'data-transcript': attrs.transcript ?? '',
        'data-captions': (node.attrs.captionsUrl as string | null) ?? '',
        class: 'lesson-video',
      }),
      ['p', { class: 'lesson-block-label' }, `${this.options.label}: ${attrs.title ?? ''}`],
      ['p', { class: 'lesson-video__src' }, attrs.src ?? ''],
      ...(attrs.transcript
        ? [['details', {}, ['summary', {}, this.options.transcriptLabel], ['p', {}, attrs.transcript]]]
        : []),
    ];
  },
});

/**
 * A numbered list of sources. The toolbar cannot insert one yet, but the schema must know it: a node
 * the editor does not know would be dropped from a loaded lesson and the next autosave would lose it.
 */
export const Sources = Node.create({
  name: 'sources',
  group: 'block',
  content: 'orderedList',
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="sources"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes(HTMLAttributes, { 'data-type': 'sources', class: 'lesson-sources' }),
    0,
  ],
});

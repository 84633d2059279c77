import type { Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Subscript } from '@tiptap/extension-subscript';
import { Superscript } from '@tiptap/extension-superscript';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { Callout, CaseStudy, Reflection, Sources, Video, type NodeLabels } from './nodes';
import { isAllowedLinkHref } from '@archipelago/rich-text-rules';

/** An image with alternative text, or explicitly marked decorative (then its alt is empty). */
const LessonImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      decorative: {
        default: false,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-decorative') === 'true',
        renderHTML: (attrs: Record<string, unknown>) =>
          attrs.decorative ? { 'data-decorative': 'true', alt: '' } : {},
      },
    };
  },
});

/**
 * The editor's schema: exactly what the server accepts (apps/api/src/rich-text). Headings 2–4 (level 1
 * is the page title), no underline, strike or code blocks, links only to addresses the API allows.
 */
export function lessonExtensions(labels: NodeLabels): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLinkHref(url),
        // The learner app decides how links open; nothing to store here.
        HTMLAttributes: { target: null, rel: null, class: null },
      },
    }),
    Subscript,
    Superscript,
    LessonImage.configure({ allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    Callout.configure({ labels: labels.callout }),
    Reflection.configure({ label: labels.reflection }),
    CaseStudy.configure({ label: labels.caseStudy }),
    Video.configure({ label: labels.video, transcriptLabel: labels.transcript }),
    Sources,
  ];
}

import type { Extensions } from '@tiptap/core';
import { Subscript } from '@tiptap/extension-subscript';
import { Superscript } from '@tiptap/extension-superscript';
import StarterKit from '@tiptap/starter-kit';

/**
 * The lesson editor's schema cut down to what a question prompt needs: paragraphs, lists, bold,
 * italic, code, sub- and superscript. Everything here is a subset of what the API accepts in
 * lessons (apps/api/src/rich-text), so a prompt validates like lesson text.
 */
export function compactExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      codeBlock: false,
      strike: false,
      underline: false,
      blockquote: false,
      horizontalRule: false,
      link: false,
    }),
    Subscript,
    Superscript,
  ];
}

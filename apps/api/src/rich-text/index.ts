/** The server-side rich-text pipeline: validate tiptap JSON, render it to sanitized HTML, import Markdown. */
export { markdownToDocument } from './markdown-to-document.js';
export { renderHtml, type RenderOptions, type RichTextLabels } from './render-html.js';
export { RichTextModule } from './rich-text.module.js';
export { RichTextService } from './rich-text.service.js';
export * from './rich-text.types.js';
export { validateDocument, type ValidateOptions } from './validate-document.js';

import { Injectable } from '@nestjs/common';
import { markdownToDocument } from './markdown-to-document.js';
import { renderHtml, type RenderOptions } from './render-html.js';
import type { RichTextDocument } from './rich-text.types.js';
import { validateDocument, type ValidateOptions } from './validate-document.js';

/** The rich-text functions as an injectable service, for modules that prefer injection (and mocking). */
@Injectable()
export class RichTextService {
  /** Throws a 422 invalid-document problem naming every problem by its path. */
  validate(input: unknown, options?: ValidateOptions): RichTextDocument {
    return validateDocument(input, options).document;
  }

  render(document: RichTextDocument, options: RenderOptions): string {
    return renderHtml(document, options);
  }

  fromMarkdown(markdown: string): RichTextDocument {
    return markdownToDocument(markdown);
  }
}

import type {
  BlockNode,
  CalloutVariant,
  InlineNode,
  Mark,
  RichTextDocument,
  TableCellNode,
  TableNode,
  VideoNode,
} from './rich-text.types.js';
import { sanitizeRenderedHtml } from './sanitize.js';
import { parseVideoUrl } from '@archipelago/rich-text-rules';

/** Every word the rendered HTML shows that the author did not write; the caller localizes them. */
export interface RichTextLabels {
  transcript: string;
  captions: string;
  note: string;
  tip: string;
  warning: string;
  caseStudy: string;
  reflection: string;
  sources: string;
}

export interface RenderOptions {
  labels: RichTextLabels;
  /**
   * Starts the ids of headings that sections point to (`aria-labelledby`), so that two documents on
   * one page do not clash. Letters, digits and dashes; 'rt' unless given.
   */
  idPrefix?: string;
}

// Matches what sanitize-html does to text and attribute values, so that sanitizing valid output is a no-op.
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

const MARK_TAGS: Record<Exclude<Mark['type'], 'link'>, string> = {
  bold: 'strong',
  italic: 'em',
  code: 'code',
  superscript: 'sup',
  subscript: 'sub',
};

class Renderer {
  private nextId = 0;

  constructor(
    private readonly labels: RichTextLabels,
    private readonly idPrefix: string,
  ) {}

  private id(kind: string): string {
    this.nextId += 1;
    return `${this.idPrefix}-${kind}-${this.nextId}`;
  }

  blocks(nodes: readonly BlockNode[]): string {
    return nodes.map((node) => this.block(node)).join('');
  }

  inlines(nodes: readonly InlineNode[]): string {
    return nodes
      .map((node) => (node.type === 'hardBreak' ? '<br />' : this.text(node.text, node.marks ?? [])))
      .join('');
  }

  private text(text: string, marks: readonly Mark[]): string {
    let html = escapeText(text);
    // The first mark is the outermost element, as ProseMirror orders them.
    for (const mark of [...marks].reverse()) {
      if (mark.type === 'link') {
        // No target: links open in the same window. rel keeps the reader's page from the linked site.
        html = `<a href="${escapeAttr(mark.attrs.href)}" rel="noopener noreferrer">${html}</a>`;
      } else {
        const tag = MARK_TAGS[mark.type];
        html = `<${tag}>${html}</${tag}>`;
      }
    }
    return html;
  }

  private block(node: BlockNode): string {
    switch (node.type) {
      case 'paragraph':
        return `<p>${this.inlines(node.content)}</p>`;
      case 'heading':
        return `<h${node.attrs.level}>${this.inlines(node.content)}</h${node.attrs.level}>`;
      case 'bulletList':
        return `<ul>${node.content.map((item) => `<li>${this.blocks(item.content)}</li>`).join('')}</ul>`;
      case 'orderedList': {
        const start = node.attrs?.start ?? 1;
        const items = node.content.map((item) => `<li>${this.blocks(item.content)}</li>`).join('');
        return start === 1 ? `<ol>${items}</ol>` : `<ol start="${start}">${items}</ol>`;
      }
      case 'blockquote':
        return `<blockquote>${this.blocks(node.content)}</blockquote>`;
      case 'horizontalRule':
        return '<hr />';
      case 'table':
        return this.table(node);
      case 'image': {
        const { src, alt, title, decorative } = node.attrs;
        const caption = title ? `<figcaption>${escapeText(title)}</figcaption>` : '';
        return `<figure class="image"><img src="${escapeAttr(src)}" alt="${decorative ? '' : escapeAttr(alt)}" loading="lazy" />${caption}</figure>`;
      }
      case 'video':
        return this.video(node);
      case 'callout':
        return this.callout(node.attrs.variant, this.blocks(node.content));
      case 'reflection':
        return (
          `<div class="reflection" data-reflection-id="${escapeAttr(node.attrs.id)}">` +
          `<p class="reflection__label">${escapeText(this.labels.reflection)}</p>` +
          `<p class="reflection__prompt">${escapeText(node.attrs.prompt)}</p></div>`
        );
      case 'caseStudy': {
        const id = this.id('case-study');
        return (
          `<section class="case-study" aria-labelledby="${id}">` +
          `<p class="case-study__label">${escapeText(this.labels.caseStudy)}</p>` +
          `<h3 id="${id}">${escapeText(node.attrs.title)}</h3>${this.blocks(node.content)}</section>`
        );
      }
      case 'sources': {
        const id = this.id('sources');
        return `<section class="sources" aria-labelledby="${id}"><h2 id="${id}">${escapeText(this.labels.sources)}</h2>${this.blocks(node.content)}</section>`;
      }
    }
  }

  private callout(variant: CalloutVariant, body: string): string {
    return `<aside class="callout callout--${variant}" role="note"><p class="callout__label">${escapeText(this.labels[variant])}</p>${body}</aside>`;
  }

  /**
   * Header cells in the first row label columns; header cells further down label their row. Spans
   * of 1 are left out, as browsers assume them.
   */
  private table(node: TableNode): string {
    const rows = node.content.map((row, r) => {
      const cells = row.content.map((cell) => this.cell(cell, r === 0 ? 'col' : 'row')).join('');
      return `<tr>${cells}</tr>`;
    });
    return `<table><tbody>${rows.join('')}</tbody></table>`;
  }

  private cell(cell: TableCellNode, scope: 'col' | 'row'): string {
    const tag = cell.type === 'tableHeader' ? 'th' : 'td';
    let attrs = tag === 'th' ? ` scope="${scope}"` : '';
    if (cell.attrs?.colspan && cell.attrs.colspan !== 1) attrs += ` colspan="${cell.attrs.colspan}"`;
    if (cell.attrs?.rowspan && cell.attrs.rowspan !== 1) attrs += ` rowspan="${cell.attrs.rowspan}"`;
    return `<${tag}${attrs}>${this.blocks(cell.content)}</${tag}>`;
  }

  /**
   * A link to the video on its own site and the transcript, not an embedded player: lighter on slow
   * connections, and the API's Content-Security-Policy (frame-src 'self') would block the player anyway.
   */
  private video(node: VideoNode): string {
    const { src, title, transcript, captionsUrl } = node.attrs;
    const video = parseVideoUrl(src);
    if (!video) return ''; // validateDocument refuses these; never link to an address it did not accept
    let html = `<figure class="video"><p class="video__link"><a href="${escapeAttr(video.watchUrl)}" rel="noopener noreferrer">${escapeText(title)}</a></p>`;
    if (captionsUrl) {
      html += `<p class="video__captions"><a href="${escapeAttr(captionsUrl)}" rel="noopener noreferrer">${escapeText(this.labels.captions)}</a></p>`;
    }
    if (transcript) {
      const paragraphs = transcript
        .split(/\r?\n\s*\r?\n/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0)
        .map((p) => `<p>${p.split(/\r?\n/).map(escapeText).join('<br />')}</p>`)
        .join('');
      html += `<details class="video__transcript"><summary>${escapeText(this.labels.transcript)}</summary>${paragraphs}</details>`;
    }
    return `${html}</figure>`;
  }
}

/** The renderer's output before sanitizing; exported for the tests that check the two agree. */
export function renderUnsanitizedHtml(document: RichTextDocument, options: RenderOptions): string {
  const idPrefix = options.idPrefix ?? 'rt';
  if (!/^[a-z][a-z0-9-]{0,40}$/i.test(idPrefix))
    throw new Error(`idPrefix must be letters, digits and dashes: ${idPrefix}`);
  return new Renderer(options.labels, idPrefix).blocks(document.content);
}

/**
 * Renders a document that `validateDocument` accepted to semantic, accessible HTML, then passes it
 * through an allowlist sanitizer that admits exactly what the renderer emits: even a renderer bug
 * cannot produce a script.
 */
export function renderHtml(document: RichTextDocument, options: RenderOptions): string {
  return sanitizeRenderedHtml(renderUnsanitizedHtml(document, options));
}

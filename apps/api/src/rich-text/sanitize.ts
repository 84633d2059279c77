import sanitizeHtml from 'sanitize-html';

/**
 * Exactly the tags, attributes and classes `renderHtml` emits, and nothing else: defence in depth
 * behind the renderer's own escaping. No iframe, no style, no event handlers, no data: URLs.
 */
export const RICH_TEXT_SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'code',
    'sup',
    'sub',
    'a',
    'br',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'img',
    'details',
    'summary',
    'aside',
    'section',
    'div',
  ],
  allowedAttributes: {
    a: ['href', { name: 'rel', multiple: false, values: ['noopener noreferrer'] }],
    ol: ['start'],
    th: [{ name: 'scope', multiple: false, values: ['col', 'row'] }, 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    img: ['src', 'alt', { name: 'loading', multiple: false, values: ['lazy'] }],
    h2: ['id'],
    h3: ['id'],
    p: ['class'],
    figure: ['class'],
    details: ['class'],
    aside: ['class', { name: 'role', multiple: false, values: ['note'] }],
    section: ['class', 'aria-labelledby'],
    div: ['class', 'data-reflection-id'],
  },
  allowedClasses: {
    p: [
      'callout__label',
      'reflection__label',
      'reflection__prompt',
      'case-study__label',
      'video__link',
      'video__captions',
    ],
    figure: ['image', 'video'],
    details: ['video__transcript'],
    aside: ['callout', 'callout--note', 'callout--tip', 'callout--warning'],
    section: ['case-study', 'sources'],
    div: ['reflection'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [],
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  selfClosing: ['br', 'hr', 'img'],
  parseStyleAttributes: false,
};

export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, RICH_TEXT_SANITIZE_OPTIONS);
}

import { describe, expect, it } from '@jest/globals';
import { loadCourses } from '@archipelago/content';
import { markdownToDocument } from '../src/rich-text/markdown-to-document.js';
import { renderHtml, renderUnsanitizedHtml } from '../src/rich-text/render-html.js';
import { RICH_TEXT_LIMITS } from '../src/rich-text/rich-text.types.js';
import { parseVideoUrl } from '@archipelago/rich-text-rules';
import { validateDocument } from '../src/rich-text/validate-document.js';
import { doc, LABELS, p, problemOf, REFLECTION_ID, text } from './rich-text-helpers.js';

const render = (input: unknown): string => renderHtml(validateDocument(input).document, { labels: LABELS });

/** Renders, and checks that the sanitizer had nothing to remove: its allowlist matches the renderer. */
function renderChecked(input: unknown): string {
  const { document } = validateDocument(input);
  const raw = renderUnsanitizedHtml(document, { labels: LABELS });
  const html = renderHtml(document, { labels: LABELS });
  expect(html).toBe(raw);
  return html;
}

describe('rich text: every node type renders to semantic HTML', () => {
  it('paragraphs, headings, marks and hard breaks', () => {
    const html = renderChecked(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Two')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Three')] },
        { type: 'heading', attrs: { level: 4 }, content: [text('Four')] },
        p(
          text('b', [{ type: 'bold' }]),
          text('i', [{ type: 'italic' }]),
          text('c', [{ type: 'code' }]),
          text('2', [{ type: 'superscript' }]),
          text('x', [{ type: 'subscript' }]),
          { type: 'hardBreak' },
          text('both', [{ type: 'bold' }, { type: 'italic' }]),
        ),
        p(),
      ),
    );
    expect(html).toBe(
      '<h2>Two</h2><h3>Three</h3><h4>Four</h4>' +
        '<p><strong>b</strong><em>i</em><code>c</code><sup>2</sup><sub>x</sub><br /><strong><em>both</em></strong></p><p></p>',
    );
  });

  it('links: http, https, mailto and app paths, with rel and without target', () => {
    const link = (href: string, extra: Record<string, unknown> = {}): unknown =>
      text(href, [{ type: 'link', attrs: { href, ...extra } }]);
    const html = renderChecked(
      doc(
        p(
          link('https://gov.example/a?b=1&c=2'),
          link('http://example.org', { target: '_blank', rel: 'noopener noreferrer nofollow', class: null }),
          link('mailto:help@gov.example'),
          link('/courses/x'),
        ),
      ),
    );
    expect(html).toBe(
      '<p><a href="https://gov.example/a?b=1&amp;c=2" rel="noopener noreferrer">https://gov.example/a?b=1&amp;c=2</a>' +
        '<a href="http://example.org" rel="noopener noreferrer">http://example.org</a>' +
        '<a href="mailto:help@gov.example" rel="noopener noreferrer">mailto:help@gov.example</a>' +
        '<a href="/courses/x" rel="noopener noreferrer">/courses/x</a></p>',
    );
    expect(html).not.toContain('target');
  });

  it('lists, block quotes and rules', () => {
    const item = (s: string): unknown => ({ type: 'listItem', content: [p(text(s))] });
    const html = renderChecked(
      doc(
        {
          type: 'bulletList',
          content: [
            item('a'),
            { type: 'listItem', content: [p(text('b')), { type: 'orderedList', content: [item('c')] }] },
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [item('d')] },
        { type: 'blockquote', content: [p(text('q'))] },
        { type: 'horizontalRule' },
      ),
    );
    expect(html).toBe(
      '<ul><li><p>a</p></li><li><p>b</p><ol><li><p>c</p></li></ol></li></ul><ol start="3"><li><p>d</p></li></ol><blockquote><p>q</p></blockquote><hr />',
    );
  });

  it('tables with header scopes and spans', () => {
    const cell = (type: string, s: string, attrs?: unknown): unknown => ({
      type,
      ...(attrs ? { attrs } : {}),
      content: [p(text(s))],
    });
    const html = renderChecked(
      doc({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              cell('tableHeader', 'Role', { colspan: 1, rowspan: 1, colwidth: null }),
              cell('tableHeader', 'Meaning', { colspan: 2, rowspan: 1, colwidth: [120, 80] }),
            ],
          },
          {
            type: 'tableRow',
            content: [
              cell('tableHeader', 'R'),
              cell('tableCell', 'Does', { colspan: 1, rowspan: 2, colwidth: null }),
              cell('tableCell', 'x'),
            ],
          },
        ],
      }),
    );
    expect(html).toBe(
      '<table><tbody><tr><th scope="col"><p>Role</p></th><th scope="col" colspan="2"><p>Meaning</p></th></tr>' +
        '<tr><th scope="row"><p>R</p></th><td rowspan="2"><p>Does</p></td><td><p>x</p></td></tr></tbody></table>',
    );
  });

  it('images: alt text, decorative images and captions', () => {
    const html = renderChecked(
      doc(
        {
          type: 'image',
          attrs: { src: '/api/files/5f0e/map.png', alt: 'Map of "the" islands', title: 'The Family Islands' },
        },
        {
          type: 'image',
          attrs: { src: 'https://cdn.gov.example/line.svg', alt: '', decorative: true, title: null },
        },
      ),
    );
    expect(html).toBe(
      '<figure class="image"><img src="/api/files/5f0e/map.png" alt="Map of &quot;the&quot; islands" loading="lazy" /><figcaption>The Family Islands</figcaption></figure>' +
        '<figure class="image"><img src="https://cdn.gov.example/line.svg" alt="" loading="lazy" /></figure>',
    );
  });

  it('videos: a link to the video page, captions and the transcript, never an embedded player', () => {
    const html = renderChecked(
      doc(
        {
          type: 'video',
          attrs: {
            src: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
            title: 'Queue <design>',
            transcript: 'Line one\nline two\n\nSecond paragraph',
          },
        },
        {
          type: 'video',
          attrs: {
            src: 'https://player.vimeo.com/video/76979871',
            title: 'Vimeo',
            captionsUrl: 'https://cdn.gov.example/v.vtt',
          },
        },
      ),
    );
    expect(html).toBe(
      '<figure class="video"><p class="video__link"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Queue &lt;design&gt;</a></p>' +
        '<details class="video__transcript"><summary>Transcript</summary><p>Line one<br />line two</p><p>Second paragraph</p></details></figure>' +
        '<figure class="video"><p class="video__link"><a href="https://vimeo.com/76979871" rel="noopener noreferrer">Vimeo</a></p>' +
        '<p class="video__captions"><a href="https://cdn.gov.example/v.vtt" rel="noopener noreferrer">Captions</a></p></figure>',
    );
    expect(html).not.toContain('<iframe');
  });

  it('reads the YouTube and Vimeo addresses authors paste', () => {
    expect(parseVideoUrl('https://youtu.be/dQw4w9WgXcQ')?.watchUrl).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    expect(parseVideoUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')?.id).toBe('dQw4w9WgXcQ');
    expect(parseVideoUrl('https://m.youtube.com/shorts/dQw4w9WgXcQ')?.id).toBe('dQw4w9WgXcQ');
    expect(parseVideoUrl('https://vimeo.com/76979871')?.watchUrl).toBe('https://vimeo.com/76979871');
    for (const bad of [
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/playlist?list=x',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ',
      'https://vimeo.com/channels/staff',
    ]) {
      expect(parseVideoUrl(bad)).toBeUndefined();
    }
  });

  it('callouts, case studies, reflections and sources, with the caller’s labels', () => {
    const html = renderChecked(
      doc(
        { type: 'callout', attrs: { variant: 'note' }, content: [p(text('n'))] },
        { type: 'callout', attrs: { variant: 'tip' }, content: [p(text('t'))] },
        { type: 'callout', attrs: { variant: 'warning' }, content: [p(text('w'))] },
        { type: 'caseStudy', attrs: { title: 'A hurricane & a form' }, content: [p(text('c'))] },
        { type: 'reflection', attrs: { id: REFLECTION_ID, prompt: 'Which <target>?' } },
        {
          type: 'sources',
          content: [{ type: 'orderedList', content: [{ type: 'listItem', content: [p(text('UN, 2024'))] }] }],
        },
      ),
    );
    expect(html).toBe(
      '<aside class="callout callout--note" role="note"><p class="callout__label">Note</p><p>n</p></aside>' +
        '<aside class="callout callout--tip" role="note"><p class="callout__label">Tip</p><p>t</p></aside>' +
        '<aside class="callout callout--warning" role="note"><p class="callout__label">Warning</p><p>w</p></aside>' +
        '<section class="case-study" aria-labelledby="rt-case-study-1"><p class="case-study__label">Case study</p><h3 id="rt-case-study-1">A hurricane &amp; a form</h3><p>c</p></section>' +
        `<div class="reflection" data-reflection-id="${REFLECTION_ID}"><p class="reflection__label">Reflection</p><p class="reflection__prompt">Which &lt;target&gt;?</p></div>` +
        '<section class="sources" aria-labelledby="rt-sources-2"><h2 id="rt-sources-2">Sources</h2><ol><li><p>UN, 2024</p></li></ol></section>',
    );
    const spanish = renderHtml(
      validateDocument(doc({ type: 'callout', attrs: { variant: 'tip' }, content: [p(text('x'))] })).document,
      {
        labels: { ...LABELS, tip: 'Consejo' },
        idPrefix: 'lesson-2',
      },
    );
    expect(spanish).toContain('<p class="callout__label">Consejo</p>');
  });

  it('returns a clean copy: ignored attributes dropped, defaults left out', () => {
    const { document } = validateDocument(
      doc(p(text('x', [{ type: 'link', attrs: { href: '/a', target: '_blank', rel: null, class: null } }])), {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [{ type: 'listItem', content: [p()] }],
      }),
    );
    expect(document).toEqual(
      doc(p(text('x', [{ type: 'link', attrs: { href: '/a' } }])), {
        type: 'orderedList',
        content: [{ type: 'listItem', content: [p()] }],
      }),
    );
  });

  it('accepts an empty document and the largest allowed one', () => {
    expect(render(doc())).toBe('');
    const paragraphs = Array.from({ length: 9_999 }, () => p(text('x'.repeat(50))));
    expect(validateDocument(doc(...paragraphs)).document.content).toHaveLength(9_999);
  });
});

describe('rich text: refusals name the path', () => {
  const href = (value: unknown): unknown => doc(p(text('x', [{ type: 'link', attrs: { href: value } }])));
  const image = (attrs: Record<string, unknown>): unknown =>
    doc({ type: 'image', attrs: { src: '/api/files/a.png', alt: 'A', ...attrs } });
  const video = (attrs: Record<string, unknown>): unknown =>
    doc({ type: 'video', attrs: { src: 'https://vimeo.com/1', title: 'T', transcript: 'x', ...attrs } });
  const nest = (depth: number): unknown => {
    let node: unknown = p(text('deep'));
    for (let i = 0; i < depth; i += 1) node = { type: 'blockquote', content: [node] };
    return doc(node);
  };
  const cases: [string, unknown, string, string][] = [
    ['not an object', 'hello', 'document', 'must be a document'],
    ['not a doc', p(), 'document', 'must be a document'],
    ['unknown top-level property', { ...doc(), version: 2 }, 'document.version', 'unknown property'],
    [
      'unknown node type',
      doc({ type: 'script', content: [] }),
      'document.content[0].type',
      'unknown node type "script"',
    ],
    ['inline at block level', doc(text('x')), 'document.content[0].type', 'not allowed here'],
    ['block inside a paragraph', doc(p(p())), 'document.content[0].content[0].type', 'not allowed here'],
    [
      'content not an array',
      doc({ type: 'paragraph', content: 'x' }),
      'document.content[0].content',
      'must be an array',
    ],
    [
      'unknown mark',
      doc(p(text('x', [{ type: 'bold' }, { type: 'strike' }]))),
      'document.content[0].content[0].marks[1].type',
      'unknown mark "strike"',
    ],
    [
      'underline is not a mark here',
      doc(p(text('x', [{ type: 'underline' }]))),
      'document.content[0].content[0].marks[0].type',
      'unknown mark',
    ],
    [
      'duplicate mark',
      doc(p(text('x', [{ type: 'bold' }, { type: 'bold' }]))),
      'document.content[0].content[0].marks[1].type',
      'appears twice',
    ],
    [
      'attrs on a simple mark',
      doc(p(text('x', [{ type: 'bold', attrs: { style: 'x' } }]))),
      'document.content[0].content[0].marks[0].attrs.style',
      'unknown attribute',
    ],
    [
      'javascript link',
      href('javascript:alert(1)'),
      'document.content[0].content[0].marks[0].attrs.href',
      'links may only point to http, https or mailto addresses',
    ],
    [
      'ftp link',
      href('ftp://example.org/x'),
      'document.content[0].content[0].marks[0].attrs.href',
      'links may only point',
    ],
    [
      'protocol-relative link',
      href('//evil.example/x'),
      'document.content[0].content[0].marks[0].attrs.href',
      'links may only point',
    ],
    [
      'relative link without slash',
      href('page.html'),
      'document.content[0].content[0].marks[0].attrs.href',
      'links may only point',
    ],
    [
      'missing href',
      href(undefined),
      'document.content[0].content[0].marks[0].attrs.href',
      'links may only point',
    ],
    ['href not a string', href(42), 'document.content[0].content[0].marks[0].attrs.href', 'must be a string'],
    [
      'empty text node',
      doc(p({ type: 'text', text: '' })),
      'document.content[0].content[0].text',
      'non-empty text',
    ],
    [
      'text on a paragraph',
      doc({ type: 'paragraph', text: 'x' }),
      'document.content[0].text',
      'only text nodes',
    ],
    [
      'marks on a paragraph',
      doc({ type: 'paragraph', marks: [] }),
      'document.content[0].marks',
      'only text nodes',
    ],
    [
      'heading level 1',
      doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }),
      'document.content[0].attrs.level',
      'from 2 to 4',
    ],
    [
      'heading level 5',
      doc({ type: 'heading', attrs: { level: 5 } }),
      'document.content[0].attrs.level',
      'from 2 to 4',
    ],
    [
      'heading without level',
      doc({ type: 'heading', content: [text('x')] }),
      'document.content[0].attrs.level',
      'from 2 to 4',
    ],
    [
      'unknown attribute',
      doc({ type: 'paragraph', attrs: { textAlign: 'left' } }),
      'document.content[0].attrs.textAlign',
      'unknown attribute "textAlign"',
    ],
    [
      'ordered list start 0',
      doc({ type: 'orderedList', attrs: { start: 0 }, content: [{ type: 'listItem', content: [p()] }] }),
      'document.content[0].attrs.start',
      'whole number',
    ],
    [
      'empty list',
      doc({ type: 'bulletList', content: [] }),
      'document.content[0].content',
      'at least one item',
    ],
    [
      'paragraph in a list',
      doc({ type: 'bulletList', content: [p()] }),
      'document.content[0].content[0].type',
      'only list items',
    ],
    [
      'empty list item',
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [] }] }),
      'document.content[0].content[0].content',
      'at least one block',
    ],
    [
      'cell outside a row',
      doc({ type: 'table', content: [{ type: 'tableCell', content: [p()] }] }),
      'document.content[0].content[0].type',
      'only rows',
    ],
    [
      'colspan 21',
      doc({
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 21 }, content: [p()] }] },
        ],
      }),
      'document.content[0].content[0].content[0].attrs.colspan',
      'from 1 to 20',
    ],
    [
      'rowspan 0',
      doc({
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { rowspan: 0 }, content: [p()] }] },
        ],
      }),
      'document.content[0].content[0].content[0].attrs.rowspan',
      'from 1 to 20',
    ],
    [
      'image without alt',
      image({ alt: undefined }),
      'document.content[0].attrs.alt',
      'alternative text is required',
    ],
    [
      'image with blank alt',
      image({ alt: '   ' }),
      'document.content[0].attrs.alt',
      'alternative text is required',
    ],
    [
      'decorative image with alt',
      image({ decorative: true }),
      'document.content[0].attrs.alt',
      'no alternative text',
    ],
    [
      'image over http',
      image({ src: 'http://example.org/a.png' }),
      'document.content[0].attrs.src',
      'images must be https',
    ],
    [
      'image outside /api/files',
      image({ src: '/etc/passwd' }),
      'document.content[0].attrs.src',
      'images must be https',
    ],
    [
      'image path traversal',
      image({ src: '/api/files/../../admin' }),
      'document.content[0].attrs.src',
      'images must be https',
    ],
    [
      'image with content',
      doc({ type: 'image', attrs: { src: '/api/files/a', alt: 'a' }, content: [p()] }),
      'document.content[0].content',
      'no content',
    ],
    [
      'video on another host',
      video({ src: 'https://evil.example/watch?v=dQw4w9WgXcQ' }),
      'document.content[0].attrs.src',
      'YouTube or Vimeo',
    ],
    ['video without title', video({ title: '' }), 'document.content[0].attrs.title', 'a title is required'],
    [
      'video without transcript or captions',
      video({ transcript: undefined }),
      'document.content[0].attrs.transcript',
      'transcript or a captions address',
    ],
    [
      'video captions over http',
      video({ captionsUrl: 'http://example.org/c.vtt' }),
      'document.content[0].attrs.captionsUrl',
      'https',
    ],
    [
      'callout variant',
      doc({ type: 'callout', attrs: { variant: 'danger' }, content: [p()] }),
      'document.content[0].attrs.variant',
      'note, tip or warning',
    ],
    [
      'empty callout',
      doc({ type: 'callout', attrs: { variant: 'tip' }, content: [] }),
      'document.content[0].content',
      'at least one block',
    ],
    [
      'reflection id',
      doc({ type: 'reflection', attrs: { id: 'r1', prompt: 'Why?' } }),
      'document.content[0].attrs.id',
      'UUID',
    ],
    [
      'reflection prompt missing',
      doc({ type: 'reflection', attrs: { id: REFLECTION_ID } }),
      'document.content[0].attrs.prompt',
      'is required',
    ],
    [
      'reflection prompt too long',
      doc({ type: 'reflection', attrs: { id: REFLECTION_ID, prompt: 'x'.repeat(501) } }),
      'document.content[0].attrs.prompt',
      'at most 500',
    ],
    [
      'reflection with content',
      doc({ type: 'reflection', attrs: { id: REFLECTION_ID, prompt: 'Why?' }, content: [p(text('answer'))] }),
      'document.content[0].content',
      'no content',
    ],
    [
      'case study without title',
      doc({ type: 'caseStudy', attrs: {}, content: [p()] }),
      'document.content[0].attrs.title',
      'a title is required',
    ],
    [
      'sources with a bullet list',
      doc({
        type: 'sources',
        content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p()] }] }],
      }),
      'document.content[0].content[0].type',
      'one ordered list',
    ],
    [
      'sources with two lists',
      doc({ type: 'sources', content: [] }),
      'document.content[0].content',
      'exactly one ordered list',
    ],
    [
      'attribute string too long',
      image({ alt: 'a'.repeat(2_001) }),
      'document.content[0].attrs.alt',
      'at most 2000 characters',
    ],
    [
      'too deep',
      nest(RICH_TEXT_LIMITS.depth),
      `document${'.content[0]'.repeat(RICH_TEXT_LIMITS.depth)}.content`,
      'at most 20 levels',
    ],
  ];

  it.each(cases)('%s', (_name, input, field, message) => {
    const problem = problemOf(() => validateDocument(input));
    expect(problem).toMatchObject({
      status: 422,
      type: 'urn:archipelago:problem:invalid-document',
      title: 'The document is not valid',
    });
    expect(problem.errors).toContainEqual({ field, message: expect.stringContaining(message), in: 'body' });
  });

  it('accepts the deepest allowed nesting', () => {
    expect(() => validateDocument(nest(RICH_TEXT_LIMITS.depth - 2))).not.toThrow();
  });

  it('reports every problem at once, under the caller’s field prefix', () => {
    const problem = problemOf(() =>
      validateDocument(
        doc(
          p(text('x', [{ type: 'link', attrs: { href: 'javascript:x' } }])),
          { type: 'image', attrs: { src: 'https://a.example/a.png' } },
          { type: 'marquee' },
        ),
        { field: 'lessons[2].body' },
      ),
    );
    expect(problem.errors.map((e) => e.field)).toEqual([
      'lessons[2].body.content[0].content[0].marks[0].attrs.href',
      'lessons[2].body.content[1].attrs.alt',
      'lessons[2].body.content[2].type',
    ]);
    expect(problem.detail).toContain(
      'lessons[2].body.content[0].content[0].marks[0].attrs.href: links may only point to http, https or mailto addresses',
    );
  });

  it('refuses more than 20,000 nodes, and more than 500,000 characters of text', () => {
    // The doc node counts too: 1 + 2 × 10,000 nodes, the last text node is one too many.
    const many = Array.from({ length: 10_000 }, () => p(text('x')));
    expect(problemOf(() => validateDocument(doc(...many))).errors).toEqual([
      {
        field: 'document.content[9999].content[0]',
        message: 'documents may have at most 20000 nodes',
        in: 'body',
      },
    ]);
    const long = Array.from({ length: 251 }, () => p(text('x'.repeat(2_000))));
    expect(problemOf(() => validateDocument(doc(...long))).errors).toEqual([
      {
        field: 'document.content[250].content[0]',
        message: 'documents may have at most 500000 characters of text',
        in: 'body',
      },
    ]);
  });
});

describe('rich text: Markdown of the content package', () => {
  it('converts the dialect: headings, marks, links, lists, tables, quotes and callouts', () => {
    const document = markdownToDocument(
      [
        '# Top',
        '',
        '## Section with **bold**, _italic_ and `code`',
        '',
        'A [link](https://gov.example) and a [bad one](javascript:alert(1)) and <b>html</b>.',
        'Same paragraph.',
        '',
        '3. three',
        '4. four',
        '   - nested',
        '',
        '| Role | Meaning |',
        '| ---- | ------- |',
        '| **R** |  |',
        '',
        '> A quote.',
        '',
        '> [!TIP]',
        '> Try it.',
        '',
        '> [!CASE] A _case_',
        '> Told in **two** lines',
        '> here.',
        '',
        '> [!WARNING] ',
        '> Careful.',
        '',
        '---',
        '',
        '##### Deep',
      ].join('\n'),
    );
    expect(document.content).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [text('Top')] },
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [
          text('Section with '),
          text('bold', [{ type: 'bold' }]),
          text(', '),
          text('italic', [{ type: 'italic' }]),
          text(' and '),
          text('code', [{ type: 'code' }]),
        ],
      },
      p(
        text('A '),
        text('link', [{ type: 'link', attrs: { href: 'https://gov.example' } }]),
        text(' and a [bad one](javascript:alert(1)) and <b>html</b>. Same paragraph.'),
      ),
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [p(text('three'))] },
          {
            type: 'listItem',
            content: [
              p(text('four')),
              { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('nested'))] }] },
            ],
          },
        ],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [p(text('Role'))] },
              { type: 'tableHeader', content: [p(text('Meaning'))] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(text('R', [{ type: 'bold' }]))] },
              { type: 'tableCell', content: [p()] },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [p(text('A quote.'))] },
      { type: 'callout', attrs: { variant: 'tip' }, content: [p(text('Try it.'))] },
      {
        type: 'caseStudy',
        attrs: { title: 'A case' },
        content: [p(text('Told in '), text('two', [{ type: 'bold' }]), text(' lines here.'))],
      },
      { type: 'callout', attrs: { variant: 'warning' }, content: [p(text('Careful.'))] },
      { type: 'horizontalRule' },
      { type: 'heading', attrs: { level: 4 }, content: [text('Deep')] },
    ]);
    const html = renderHtml(document, { labels: LABELS });
    expect(html).toContain('and a [bad one](javascript:alert(1)) and &lt;b&gt;html&lt;/b&gt;.');
    expect(html).not.toContain('href="javascript');
  });

  it('keeps code blocks as code, and an unknown callout kind as a quote', () => {
    expect(markdownToDocument('```\na <b>\n\nb\n```\n\n> [!DANGER]\n> x').content).toEqual([
      p(
        text('a <b>', [{ type: 'code' }]),
        { type: 'hardBreak' },
        { type: 'hardBreak' },
        text('b', [{ type: 'code' }]),
      ),
      { type: 'blockquote', content: [p(text('[!DANGER] x'))] },
    ]);
    expect(markdownToDocument('').content).toEqual([]);
  });

  const courses = loadCourses();
  const items = courses.flatMap((course) =>
    course.modules.flatMap((module) =>
      module.items.flatMap((item) =>
        item.kind === 'reflection'
          ? item.guidance
            ? [{ name: `${course.slug}/${module.slug}: reflection`, markdown: item.guidance }]
            : []
          : [{ name: `${course.slug}/${module.slug}: ${item.title}`, markdown: item.markdown }],
      ),
    ),
  );

  it('finds the lessons of both shipped courses', () => {
    expect(courses.map((c) => c.slug).sort()).toEqual(['changing-mindsets', 'innovation-digital-government']);
    expect(items.length).toBeGreaterThan(40);
  });

  it('converts, validates and renders every lesson, activity and guidance of the shipped courses', () => {
    let callouts = 0;
    let cases = 0;
    let tables = 0;
    for (const item of items) {
      const document = markdownToDocument(item.markdown);
      expect(validateDocument(JSON.parse(JSON.stringify(document))).document).toEqual(document);
      const raw = renderUnsanitizedHtml(document, { labels: LABELS });
      const html = renderHtml(document, { labels: LABELS });
      if (html !== raw) throw new Error(`${item.name}: the sanitizer changed the renderer's output`);
      if (/\[!(NOTE|TIP|WARNING|CASE)\]/.test(html))
        throw new Error(`${item.name}: a callout marker was left in the text`);
      callouts += (html.match(/class="callout /g) ?? []).length;
      cases += (html.match(/class="case-study"/g) ?? []).length;
      tables += (html.match(/<table>/g) ?? []).length;
    }
    // The package's Markdown has 15 case studies and 40 notes, tips and warnings (see its README).
    expect(cases).toBe(15);
    expect(callouts).toBe(40);
    expect(tables).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from '@jest/globals';
import { markdownToDocument } from '../src/rich-text/markdown-to-document.js';
import { renderHtml } from '../src/rich-text/render-html.js';
import { sanitizeRenderedHtml } from '../src/rich-text/sanitize.js';
import { validateDocument } from '../src/rich-text/validate-document.js';
import { doc, LABELS, p, problemOf, REFLECTION_ID, text } from './rich-text-helpers.js';

/** Every tag the renderer may emit; anything else in the output is a failure. */
const EMITTED_TAGS = new Set(
  'p h2 h3 h4 strong em code sup sub a br ul ol li blockquote hr table tbody tr th td figure figcaption img details summary aside section div'.split(
    ' ',
  ),
);

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(
      /&(quot|apos|lt|gt|amp|colon|tab|newline);/gi,
      (_m, name: string) =>
        ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', colon: ':', tab: '\t', newline: '\n' })[
          name.toLowerCase()
        ] ?? '',
    );
}

/**
 * The output is harmless: no script element, only the renderer's tags, every attribute quoted and
 * none of them an event handler or a style, and no address that a browser would run as script.
 * Text is escaped, so every raw `<` in the output starts a real tag.
 */
function expectHarmless(html: string): void {
  expect(html).not.toMatch(/<script/i);
  for (const match of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    const [tag, name, rest] = match as unknown as [string, string, string];
    if (!EMITTED_TAGS.has(name)) throw new Error(`unexpected tag ${tag}`);
    const attrs = rest.replace(/\s*\/$/, '');
    // A bare name is what sanitize-html leaves of an attribute whose value it refused (role="alert").
    const parsed = [...attrs.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)];
    if (parsed.map((a) => a[0]).join('') !== attrs)
      throw new Error(`unquoted or malformed attributes in ${tag}`);
    for (const [, attr, value = ''] of parsed as unknown as [string, string, string | undefined][]) {
      if (/^on/i.test(attr) || attr === 'style' || attr === 'srcdoc' || attr === 'formaction')
        throw new Error(`dangerous attribute in ${tag}`);
      const decoded = decodeEntities(value)
        // eslint-disable-next-line no-control-regex -- browsers ignore these inside a scheme
        .replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028-\u202e\ufeff]/g, '')
        .toLowerCase();
      if (/(javascript|vbscript|data|livescript):/.test(decoded)) throw new Error(`script address in ${tag}`);
    }
  }
}

const render = (input: unknown): string => renderHtml(validateDocument(input).document, { labels: LABELS });

describe('rich text XSS: link addresses that could run script are refused at validation', () => {
  const vectors = [
    'javascript:alert(1)',
    'jAvAsCrIpT:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '  javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
    'javascript&colon;alert(1)',
    'javas&#99;ript:alert(1)',
    '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
    '\u200bjavascript:alert(1)',
    'javascript\u200b:alert(1)',
    '\ufeffjavascript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'livescript:alert(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example\\x',
    'https://gov.example/"onmouseover="alert(1)',
    "https://gov.example/'><script>alert(1)</script>",
    'https://gov.example/`onmouseover=alert(1)',
    'http:',
    'https:///x',
    'mailto:',
  ];

  it.each(vectors.map((v) => [JSON.stringify(v), v]))('refuses %s', (_label, href) => {
    const problem = problemOf(() =>
      validateDocument(doc(p(text('click', [{ type: 'link', attrs: { href } }])))),
    );
    expect(problem.errors).toEqual([
      {
        field: 'document.content[0].content[0].marks[0].attrs.href',
        message: 'links may only point to http, https or mailto addresses',
        in: 'body',
      },
    ]);
  });
});

describe('rich text XSS: image, video and captions addresses', () => {
  const images = [
    'javascript:alert(1)',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'http://gov.example/a.png',
    'https://x.example/a.png" onerror="alert(1)',
    '/api/files/x" onerror="alert(1)',
    '/api/files/../../admin',
    '//evil.example/a.png',
    'x onerror=alert(1)',
  ];
  it.each(images.map((v) => [JSON.stringify(v), v]))('refuses the image source %s', (_label, src) => {
    expect(
      problemOf(() => validateDocument(doc({ type: 'image', attrs: { src, alt: 'a' } }))).errors[0]?.field,
    ).toBe('document.content[0].attrs.src');
  });

  const videos = [
    'https://evil.example/embed/dQw4w9WgXcQ',
    'javascript://www.youtube.com/%0aalert(1)',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ',
    'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
    'https://www.youtube.com/watch?v=%22onload%3D',
    'https://evil.example/?u=https://vimeo.com/1',
  ];
  it.each(videos.map((v) => [JSON.stringify(v), v]))('refuses the video source %s', (_label, src) => {
    expect(
      problemOf(() => validateDocument(doc({ type: 'video', attrs: { src, title: 't', transcript: 'x' } })))
        .errors[0]?.field,
    ).toBe('document.content[0].attrs.src');
  });

  it('refuses captions that are not https', () => {
    const problem = problemOf(() =>
      validateDocument(
        doc({
          type: 'video',
          attrs: { src: 'https://vimeo.com/1', title: 't', captionsUrl: 'javascript:alert(1)' },
        }),
      ),
    );
    expect(problem.errors.map((e) => e.field)).toContain('document.content[0].attrs.captionsUrl');
  });
});

describe('rich text XSS: markup in text and attributes comes out escaped', () => {
  const payloads = [
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<svg onload=alert(1)>', '&lt;svg onload=alert(1)&gt;'],
    [
      '<iframe src="https://evil.example"></iframe>',
      '&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;',
    ],
    ['"><script>alert(1)</script>', '"&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'],
    ['<div style="width: expression(alert(1))">', '&lt;div style="width: expression(alert(1))"&gt;'],
    [
      '<style>@import "https://evil.example/x.css";</style>',
      '&lt;style&gt;@import "https://evil.example/x.css";&lt;/style&gt;',
    ],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;'],
    ['<scr<script>ipt>alert(1)</script>', '&lt;scr&lt;script&gt;ipt&gt;alert(1)&lt;/script&gt;'],
    ['<!--<script>alert(1)//-->', '&lt;!--&lt;script&gt;alert(1)//--&gt;'],
    ['<![CDATA[<script>alert(1)</script>]]>', '&lt;![CDATA[&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;'],
    ['\u202egnp.exe<svg/onload=alert(1)>', '\u202egnp.exe&lt;svg/onload=alert(1)&gt;'],
    [
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '&lt;math&gt;&lt;mtext&gt;&lt;table&gt;&lt;mglyph&gt;&lt;style&gt;&lt;img src=x onerror=alert(1)&gt;',
    ],
  ];

  it.each(payloads)('text %s', (payload, escaped) => {
    const html = render(doc(p(text(payload, [{ type: 'bold' }]))));
    expect(html).toBe(`<p><strong>${escaped}</strong></p>`);
    expectHarmless(html);
  });

  const injection = '" onerror="alert(1)" x="';
  const tagInjection = "'><svg onload=alert(1)>";
  it.each([
    ['image alt', { type: 'image', attrs: { src: '/api/files/a', alt: injection, title: tagInjection } }],
    ['image title', { type: 'image', attrs: { src: '/api/files/a', alt: tagInjection, title: injection } }],
    [
      'video title and transcript',
      {
        type: 'video',
        attrs: {
          src: 'https://vimeo.com/1',
          title: injection,
          transcript: `${tagInjection}\n\n<script>alert(1)</script>`,
        },
      },
    ],
    [
      'reflection prompt',
      { type: 'reflection', attrs: { id: REFLECTION_ID, prompt: `${injection}${tagInjection}` } },
    ],
    [
      'case study title',
      {
        type: 'caseStudy',
        attrs: { title: `${injection}</h3><script>alert(1)</script>` },
        content: [p(text('x'))],
      },
    ],
    [
      'link text around a safe link',
      p(text(injection, [{ type: 'link', attrs: { href: 'https://gov.example/?q=a&b=%22' } }])),
    ],
  ])('attribute injection through the %s', (_name, node) => {
    const html = render(doc(node));
    expectHarmless(html);
    expect(html).not.toMatch(/<svg|<script/i);
  });

  it('escapes labels the caller passes', () => {
    const html = renderHtml(
      validateDocument(doc({ type: 'callout', attrs: { variant: 'note' }, content: [p(text('x'))] }))
        .document,
      {
        labels: { ...LABELS, note: '<img src=x onerror=alert(1)>' },
      },
    );
    expect(html).toContain('<p class="callout__label">&lt;img src=x onerror=alert(1)&gt;</p>');
    expectHarmless(html);
  });

  it('refuses an id prefix that could break out of an attribute', () => {
    expect(() =>
      renderHtml({ type: 'doc', content: [] }, { labels: LABELS, idPrefix: '"><script>' }),
    ).toThrow(/idPrefix/);
  });
});

describe('rich text XSS: nodes, marks and attributes that could carry script are refused', () => {
  it.each([
    ['script node', { type: 'script', text: 'alert(1)' }, 'document.content[0].type'],
    ['iframe node', { type: 'iframe', attrs: { src: 'https://evil.example' } }, 'document.content[0].type'],
    [
      'raw html node',
      { type: 'html', content: [text('<script>alert(1)</script>')] },
      'document.content[0].type',
    ],
    [
      'onclick attribute',
      { type: 'paragraph', attrs: { onclick: 'alert(1)' } },
      'document.content[0].attrs.onclick',
    ],
    [
      'style attribute',
      { type: 'paragraph', attrs: { style: 'background:url(javascript:alert(1))' } },
      'document.content[0].attrs.style',
    ],
    [
      'class attribute on a callout',
      { type: 'callout', attrs: { variant: 'note', class: 'x" onclick="alert(1)' }, content: [p(text('x'))] },
      'document.content[0].attrs.class',
    ],
    [
      'image srcset',
      { type: 'image', attrs: { src: '/api/files/a', alt: 'a', srcset: 'javascript:alert(1) 1x' } },
      'document.content[0].attrs.srcset',
    ],
    [
      'video embed html',
      { type: 'video', attrs: { src: 'https://vimeo.com/1', title: 't', transcript: 'x', html: '<iframe>' } },
      'document.content[0].attrs.html',
    ],
    [
      'style mark',
      p(text('x', [{ type: 'textStyle', attrs: { color: 'expression(alert(1))' } }])),
      'document.content[0].content[0].marks[0].type',
    ],
    [
      'link onclick',
      p(text('x', [{ type: 'link', attrs: { href: '/a', onclick: 'alert(1)' } }])),
      'document.content[0].content[0].marks[0].attrs.onclick',
    ],
    [
      'reflection id injection',
      { type: 'reflection', attrs: { id: '"><script>alert(1)</script>', prompt: 'x' } },
      'document.content[0].attrs.id',
    ],
    [
      'callout variant injection',
      { type: 'callout', attrs: { variant: 'note" onclick="alert(1)' }, content: [p(text('x'))] },
      'document.content[0].attrs.variant',
    ],
    [
      'heading level injection',
      { type: 'heading', attrs: { level: '2 onclick=alert(1)' }, content: [text('x')] },
      'document.content[0].attrs.level',
    ],
    [
      'colspan injection',
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableCell', attrs: { colspan: '2" onclick="x' }, content: [p()] }],
          },
        ],
      },
      'document.content[0].content[0].content[0].attrs.colspan',
    ],
    [
      'prototype pollution key',
      JSON.parse('{"type":"paragraph","__proto__":{"polluted":true}}'),
      'document.content[0].__proto__',
    ],
  ])('%s', (_name, node, field) => {
    const problem = problemOf(() => validateDocument(doc(node)));
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rich text XSS: Markdown sources', () => {
  it.each([
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](java%0ascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
    '[x][1]\n\n[1]: javascript:alert(1)',
    '![x](javascript:alert(1))',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](https://gov.example/"onmouseover="alert(1))',
    '> [!NOTE]\n> <svg onload=alert(1)>',
    '> [!CASE] <script>alert(1)</script>\n> x',
    '| <script> | x |\n| - | - |\n| <img onerror=alert(1)> | y |',
  ])('%s', (source) => {
    const html = renderHtml(markdownToDocument(source), { labels: LABELS });
    expectHarmless(html);
    expect(html).not.toMatch(/<a [^>]*href="[^"]*(javascript|data|vbscript)/i);
  });
});

describe('rich text XSS: the sanitizer holds even if the renderer had a bug', () => {
  it.each([
    '<script>alert(1)</script><p>x</p>',
    '<img src=x onerror=alert(1)>',
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<img src="http://evil.example/a.png" alt="">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="//evil.example">x</a>',
    '<a href="https://gov.example" target="_blank" onclick="alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe src="https://www.youtube-nocookie.com/embed/x" srcdoc="<script>alert(1)</script>"></iframe>',
    '<svg onload=alert(1)><circle /></svg>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    '<div class="reflection evil" onmouseover="alert(1)">x</div>',
    '<form action="https://evil.example"><input name="password"><button formaction="javascript:alert(1)">go</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<details open ontoggle=alert(1)><summary>x</summary></details>',
    '<aside class="callout" role="alert">x</aside>',
  ])('%s', (html) => {
    const clean = sanitizeRenderedHtml(html);
    expectHarmless(clean);
    expect(clean).not.toMatch(/<(iframe|svg|math|form|input|button|object|embed|base|link|meta|style)/i);
    expect(clean).not.toMatch(/target=|role="alert"|class="[^"]*evil/);
  });
});

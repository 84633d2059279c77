import { readLocales } from '../common/i18n/server-languages.js';
import type { ActivityPresentation, PresentContext } from '../activities/activity-kinds.js';
import {
  renderHtml,
  type BlockNode,
  type RichTextDocument,
  type RichTextLabels,
} from '../rich-text/index.js';

const labels = readLocales<RichTextLabels>(new URL('./locales/', import.meta.url));

/** Rendered lessons by version, activity and language: published content never changes. */
const rendered = new Map<string, ActivityPresentation>();
const MAX_RENDERED = 2000;

function reflectionIds(nodes: readonly BlockNode[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'reflection') into.push(node.attrs.id);
    else if ('content' in node && Array.isArray(node.content))
      reflectionIds(node.content as BlockNode[], into);
  }
  return into;
}

/**
 * A published lesson for the learner's reader: its document rendered to sanitized HTML with the
 * labels in the reader's language, and the reflections the learner may answer. The document was
 * validated when it was published, so it is not validated again on every read.
 */
export function presentLesson(
  content: Record<string, unknown>,
  { language, cacheKey }: PresentContext,
): ActivityPresentation {
  const key = `${cacheKey}:${language}`;
  const cached = rendered.get(key);
  if (cached) return cached;
  const document = content.document as RichTextDocument | undefined;
  const blocks = document?.content ?? [];
  const presentation: ActivityPresentation = {
    content: {
      html: renderHtml(
        { type: 'doc', content: blocks },
        { labels: labels[language], idPrefix: `l-${cacheKey.slice(-8)}` },
      ),
    },
    reflections: reflectionIds(blocks),
  };
  if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value as string);
  rendered.set(key, presentation);
  return presentation;
}

import { useId, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonHeading } from './prepare-lesson';

/** Lessons with at least this many headings get a table of contents. */
export const MIN_HEADINGS_FOR_CONTENTS = 3;

/** "On this page": links to the lesson's headings; following one moves focus there too. */
export function TableOfContents({ headings }: { headings: readonly LessonHeading[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (headings.length < MIN_HEADINGS_FOR_CONTENTS) return null;
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <nav className="reader-toc" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reader.contents')}</h2>
      <ol>
        {headings.map((heading) => (
          <li key={heading.id} className={heading.level === 3 ? 'reader-toc__sub' : undefined}>
            <a href={`#${heading.id}`} onClick={(event) => go(event, heading.id)}>
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

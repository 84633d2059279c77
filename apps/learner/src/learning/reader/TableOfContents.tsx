import { useId, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonHeading } from './prepare-lesson';

/** Lessons with at least this many headings get a table of contents. */
export const MIN_HEADINGS_FOR_CONTENTS = 3;

interface Entry {
  heading: LessonHeading;
  children: LessonHeading[];
}

/** Sections (h2) with their subsections (h3) nested under them, as the lesson reads. */
function outline(headings: readonly LessonHeading[]): Entry[] {
  const entries: Entry[] = [];
  for (const heading of headings) {
    const parent = entries.at(-1);
    if (heading.level === 3 && parent?.heading.level === 2) parent.children.push(heading);
    else entries.push({ heading, children: [] });
  }
  return entries;
}

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
  const link = (heading: LessonHeading) => (
    <a href={`#${heading.id}`} onClick={(event) => go(event, heading.id)}>
      {heading.text}
    </a>
  );
  return (
    <nav className="reader-toc" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reader.contents')}</h2>
      <ol>
        {outline(headings).map(({ heading, children }) => (
          <li key={heading.id}>
            {link(heading)}
            {children.length > 0 ? (
              <ol>
                {children.map((child) => (
                  <li key={child.id}>{link(child)}</li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

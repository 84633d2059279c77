import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../data/problem';

/**
 * The server's reasons for refusing the document (422), each with the path it gave, e.g.
 * `document.content[3].attrs.alt`. Styled and focused like the kit's ErrorSummary, whose entries
 * link to form fields — these paths point inside the document instead, so one link leads to the editor.
 */
export function DocumentProblems({ problem, editorId }: { problem: Problem; editorId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="arch-error-summary" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('lessonEditor.invalid.title')}</h2>
      <ul>
        {problem.errors.map((error, index) => (
          <li key={index}>
            <code>{error.field}</code>: {error.message}
          </li>
        ))}
        {problem.errors.length === 0 && problem.detail ? <li>{problem.detail}</li> : null}
      </ul>
      <p>
        <a
          href={`#${editorId}`}
          onClick={(event) => {
            event.preventDefault();
            document.getElementById(editorId)?.focus();
          }}
        >
          {t('lessonEditor.invalid.backToEditor')}
        </a>
      </p>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@archipelago/ui';

export interface CompletionPanelProps {
  completed: boolean;
  /** Set when the learner pressed "Mark as complete": focus follows to the confirmation. */
  focusOnDone: boolean;
  onMark: () => void;
  /** The course was completed with this lesson. */
  courseDone: boolean;
  courseHref: string;
}

/** After the text: "Mark as complete", or the confirmation that the lesson (and course) is done. */
export function CompletionPanel({
  completed,
  focusOnDone,
  onMark,
  courseDone,
  courseHref,
}: CompletionPanelProps) {
  const { t } = useTranslation();
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The button the learner pressed is gone; without this, focus would fall to the page's start.
    if (completed && focusOnDone) doneRef.current?.focus();
  }, [completed, focusOnDone]);
  return (
    <div className="reader-completion">
      {completed ? (
        <p ref={doneRef} tabIndex={-1} className="learning-badge">
          <span aria-hidden="true">✓ </span>
          {t('reader.completed')}
        </p>
      ) : (
        <>
          <p>{t('reader.markHint')}</p>
          <Button variant="secondary" onClick={onMark}>
            {t('reader.markComplete')}
          </Button>
        </>
      )}
      {courseDone ? (
        <Alert tone="info" title={t('reader.courseDoneTitle')}>
          <p>{t('reader.courseDone')}</p>
          <Link to={courseHref}>{t('reader.backToCourse')}</Link>
        </Alert>
      ) : null}
    </div>
  );
}

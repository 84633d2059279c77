import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import type { CourseDetail } from './courseTypes';

export interface CourseConflictProps {
  /** The course as someone else saved it, from the 409 answer. */
  newer: CourseDetail;
  onReload: () => void;
}

/**
 * Someone else saved the course after it was loaded here: nothing was overwritten. Shows what is
 * saved now so the author can compare and copy, and offers to load it (dropping their edits).
 */
export function CourseConflict({ newer, onReload }: CourseConflictProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const none = t('courses.conflict.none');
  // Like an error summary, it takes focus so keyboard and screen-reader users land on it.
  useEffect(() => ref.current?.focus(), []);

  return (
    <div
      ref={ref}
      className="arch-alert"
      role="alert"
      tabIndex={-1}
      aria-labelledby="course-conflict-heading"
    >
      <h3 id="course-conflict-heading">{t('courses.conflict.title')}</h3>
      <p>{t('courses.conflict.body')}</p>
      <dl className="studio-facts">
        <dt>{t('courses.form.title')}</dt>
        <dd>{newer.title}</dd>
        <dt>{t('courses.form.summary')}</dt>
        <dd>{newer.summary || none}</dd>
        <dt>{t('courses.details.outcomes')}</dt>
        <dd>{newer.outcomes.length > 0 ? newer.outcomes.join(' · ') : none}</dd>
        <dt>{t('courses.details.estimatedHours')}</dt>
        <dd>{newer.estimatedHours ?? none}</dd>
        <dt>{t('courses.details.topics')}</dt>
        <dd>{newer.topics.length > 0 ? newer.topics.join(', ') : none}</dd>
        <dt>{t('courses.details.sdgs')}</dt>
        <dd>{newer.sdgs.length > 0 ? newer.sdgs.join(', ') : none}</dd>
        <dt>{t('courses.form.enrolmentMode')}</dt>
        <dd>{t(`courses.enrolmentModes.${newer.enrolmentMode}`)}</dd>
      </dl>
      <Button onClick={onReload}>{t('courses.conflict.reload')}</Button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { ProgressBar, useFormatters } from '@archipelago/ui';
import type { LearningCourse } from './learning-api';

/** The course's progress as a bar with its value in words, and a badge once it is completed. */
export function CourseProgress({
  progress,
  completedAt,
  label,
}: {
  progress: LearningCourse['progress'];
  completedAt: string | null;
  /** The bar's visible label, e.g. "Progress in Changing Mindsets". */
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const valueText = t('learning.progressText', {
    percent: format.number(progress.percent / 100, { style: 'percent' }),
    completed: format.number(progress.completed),
    required: format.number(progress.required),
  });
  return (
    <>
      <ProgressBar label={label} value={progress.percent} max={100} valueText={valueText} />
      {completedAt ? <CompletedBadge at={completedAt} /> : null}
    </>
  );
}

/** "Completed on 3 March 2026": a word and a tick, never the colour alone. */
export function CompletedBadge({ at }: { at: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <p className="learning-badge">
      <span aria-hidden="true">✓ </span>
      {t('learning.completedOn', { date: format.date(at) })}
    </p>
  );
}

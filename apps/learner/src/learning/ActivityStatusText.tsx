import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from './learning-api';

const ICONS: Record<ActivityStatus, string> = { 'not-started': '○', started: '◐', completed: '✓' };

/** An activity's status as a symbol and in words, so it never rests on colour or shape alone. */
export function ActivityStatusText({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`learning-status learning-status--${status}`}>
      <span aria-hidden="true">{ICONS[status]}</span>
      {t(`courseHome.status.${status}`)}
    </span>
  );
}

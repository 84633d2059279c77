import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Skeleton, useFormatters, type Formatters } from '@archipelago/ui';
import { useSystemStatus, type ComponentState } from './useSystemStatus';

const STATE_CLASS: Record<ComponentState, string> = {
  up: 'arch-status arch-status--ok',
  down: 'arch-status arch-status--problem',
  unknown: 'arch-status arch-status--problem',
};

/** Uptime in the largest whole unit, e.g. "3 hours", in the current language. */
function formatUptime(seconds: number, format: Formatters): string {
  const [value, unit] =
    seconds < 3600
      ? [seconds / 60, 'minute']
      : seconds < 86400
        ? [seconds / 3600, 'hour']
        : [seconds / 86400, 'day'];
  return format.number(Math.floor(value), { style: 'unit', unit, unitDisplay: 'long' });
}

/** API and database health in words (colour is only a second cue), plus version and uptime. */
export function SystemStatusPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const { status, refresh } = useSystemStatus();

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('status.title')}</h2>
      {status === null ? (
        <Skeleton lines={4} label={t('status.loading')} />
      ) : (
        <>
          <p role="status">
            {status.api === 'up' && status.database === 'up'
              ? t('status.summaryOk')
              : t('status.summaryProblem')}{' '}
            {t('status.checkedAt', { time: format.date(status.checkedAt, { timeStyle: 'medium' }) })}
          </p>
          <dl className="arch-facts">
            <dt>{t('status.api')}</dt>
            <dd className={STATE_CLASS[status.api]}>{t(`status.states.${status.api}`)}</dd>
            <dt>{t('status.database')}</dt>
            <dd className={STATE_CLASS[status.database]}>{t(`status.states.${status.database}`)}</dd>
            <dt>{t('status.version')}</dt>
            <dd>{status.version ?? t('status.notAvailable')}</dd>
            <dt>{t('status.uptime')}</dt>
            <dd>
              {status.uptimeSeconds === undefined
                ? t('status.notAvailable')
                : formatUptime(status.uptimeSeconds, format)}
            </dd>
          </dl>
          <Button variant="secondary" onClick={refresh}>
            {t('status.refresh')}
          </Button>
        </>
      )}
    </section>
  );
}

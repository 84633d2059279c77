import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { ActionStatus, ActionView, PriorityBand } from './actionTypes';
import type { Quarter } from './quarters';

/** The plan's recurring words (statuses, levels, priorities, periods) in the reader's language. */
export function useActionWords() {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    // One formatter per language, not one per date shown.
    const days = new Intl.DateTimeFormat(format.language, { dateStyle: 'medium', timeZone: 'UTC' });
    const instants = new Intl.DateTimeFormat(format.language, { dateStyle: 'medium', timeStyle: 'short' });
    const day = (value: string) => days.format(new Date(`${value}T00:00:00Z`));
    return {
      status: (status: ActionStatus) => t(`dgcaActions:status.${status}`),
      band: (band: PriorityBand) => t(`dgcaActions:band.${band}`),
      level: (level: number) => t(`dgcaActions:level.${level}`),
      priority: (action: Pick<ActionView, 'priority'>) =>
        t('dgcaActions:priority.text', {
          band: t(`dgcaActions:band.${action.priority.band}`),
          score: format.number(action.priority.score),
        }),
      progress: (value: number) => t('dgcaActions:progress.percent', { value: format.number(value) }),
      day,
      instant: (value: string) => instants.format(new Date(value)),
      period: (action: Pick<ActionView, 'startsOn' | 'endsOn'>) => {
        const { startsOn, endsOn } = action;
        if (startsOn && endsOn)
          return t('dgcaActions:dates.between', { from: day(startsOn), to: day(endsOn) });
        if (startsOn) return t('dgcaActions:dates.from', { from: day(startsOn) });
        if (endsOn) return t('dgcaActions:dates.until', { to: day(endsOn) });
        return t('dgcaActions:dates.none');
      },
      quarter: (quarter: Quarter) =>
        t('dgcaActions:roadmap.quarter', { quarter: quarter.quarter, year: quarter.year }),
      /** An empty text field, said rather than left blank. */
      orNone: (value: string) => value || t('dgcaActions:notSet'),
    };
  }, [t, format]);
}

export type ActionWords = ReturnType<typeof useActionWords>;

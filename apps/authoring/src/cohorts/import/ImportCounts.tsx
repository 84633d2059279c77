import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { ImportCounts as Counts } from '../cohortTypes';

/** The preview's four counts, as a list of terms and numbers. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entries: [string, number][] = [
    ['newAccounts', counts.newAccounts],
    ['existingAccounts', counts.existingAccounts],
    ['alreadyEnrolled', counts.alreadyEnrolled],
    ['invalid', counts.invalid],
  ];
  return (
    <dl className="import-counts">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`cohorts:import.counts.${key}`)}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

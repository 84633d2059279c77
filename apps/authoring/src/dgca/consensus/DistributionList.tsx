import { useTranslation } from 'react-i18next';
import type { ScaleLevel, StatementConsensus } from '../results/resultsTypes';
import type { ResultsWords } from '../results/useResultsWords';

export interface DistributionListProps {
  statement: StatementConsensus;
  scale: ScaleLevel[];
  words: ResultsWords;
  labelId: string;
}

/**
 * How many people chose each level, as a list: each level says its count in words, and the bar beside
 * it (hidden from screen readers, who already heard the number) shows the same count at a glance.
 */
export function DistributionList({ statement, scale, words, labelId }: DistributionListProps) {
  const { t } = useTranslation();
  const counts = new Map(statement.distribution.map((entry) => [entry.value, entry.count]));
  const largest = Math.max(1, statement.dontKnow, ...statement.distribution.map((entry) => entry.count));
  const rows = [
    ...scale.map((level) => ({
      key: String(level.value),
      label: t('dgcaResults:scaleLevel', { value: level.value, label: level.label }),
      count: counts.get(level.value) ?? 0,
    })),
    { key: 'dont-know', label: t('dgcaResults:dontKnow'), count: statement.dontKnow },
  ];
  return (
    <ul className="dgca-distribution" aria-labelledby={labelId}>
      {rows.map((row) => (
        <li key={row.key} className="dgca-distribution__row">
          <span className="dgca-distribution__level">{row.label}</span>
          <span className="dgca-distribution__track" aria-hidden="true">
            <span className="dgca-distribution__bar" style={{ width: `${(row.count / largest) * 100}%` }} />
          </span>
          <span className="dgca-distribution__count">
            {t('dgcaResults:consensus.people', { count: row.count, formatted: words.count(row.count) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

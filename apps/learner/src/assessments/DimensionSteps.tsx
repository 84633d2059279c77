import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentDimension } from './assessments-api';

export interface DimensionStepsProps {
  dimensions: AssessmentDimension[];
  current: number;
  /** Statements answered per dimension, in the same order. */
  answered: number[];
  hrefFor: (key: string) => string;
}

/** The dimensions as numbered steps, each with how much of it is answered, the current one marked. */
export function DimensionSteps({ dimensions, current, answered, hrefFor }: DimensionStepsProps) {
  const { t } = useTranslation();
  return (
    <nav className="dimension-steps" aria-label={t('assessments:rate.dimensions')}>
      <ol>
        {dimensions.map((dimension, index) => {
          const total = dimension.statements.length;
          const done = answered[index] ?? 0;
          return (
            <li key={dimension.key} className={done === total ? 'dimension-steps__done' : undefined}>
              <Link to={hrefFor(dimension.key)} aria-current={index === current ? 'step' : undefined}>
                <span className="dimension-steps__name">{dimension.name}</span>
                <span className="dimension-steps__count">
                  {done === total
                    ? t('assessments:rate.dimensionDone', { total })
                    : t('assessments:rate.dimensionCount', { answered: done, total })}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { EGovernmentIndices } from './assessments-api';
import { useScoreFormat } from './score-format';

const INDICES = ['egdi', 'osi', 'hci', 'tii', 'epi'] as const;

/** The country's UN E-Government Survey figures, as context beside a self-assessment, with their source. */
export function EGovernmentContext({ indices }: { indices: EGovernmentIndices | null }) {
  const { t } = useTranslation();
  const { region } = useFormatters();
  const format = useScoreFormat();
  return (
    <section aria-labelledby="egov-heading">
      <h2 id="egov-heading">{t('assessments:egov.title')}</h2>
      {indices ? (
        <>
          <p>{t('assessments:egov.intro', { country: region(indices.country), year: indices.year })}</p>
          <dl className="arch-facts">
            {INDICES.map((index) => (
              <Fragment key={index}>
                <dt>{t(`assessments:egov.${index}`)}</dt>
                <dd>{format.index(indices[index])}</dd>
              </Fragment>
            ))}
            <dt>{t('assessments:egov.rank')}</dt>
            <dd>{t('assessments:egov.rankValue', { rank: indices.rank })}</dd>
          </dl>
          <p className="egov-source">
            {t('assessments:egov.source')}{' '}
            <a href={indices.source.url} rel="noopener noreferrer">
              {indices.source.title}
            </a>
            {`, ${indices.source.publisher}.`}
          </p>
        </>
      ) : (
        <p>{t('assessments:egov.none')}</p>
      )}
    </section>
  );
}

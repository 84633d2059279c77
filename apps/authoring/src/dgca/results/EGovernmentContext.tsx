import { useTranslation } from 'react-i18next';
import type { EGovernmentIndices } from './resultsTypes';
import type { ResultsWords } from './useResultsWords';

const INDICES = ['egdi', 'osi', 'hci', 'tii', 'epi'] as const;

/** The country's UN E-Government Survey figures, as context beside the self-assessment, with their source. */
export function EGovernmentContext({ indices, words }: { indices: EGovernmentIndices; words: ResultsWords }) {
  const { t } = useTranslation();
  return (
    <section className="studio-section" aria-labelledby="dgca-egov-heading">
      <h2 id="dgca-egov-heading">{t('dgcaResults:egov.heading', { year: indices.year })}</h2>
      <p>{t('dgcaResults:egov.intro', { country: words.country(indices.country) })}</p>
      <dl className="dgca-egov">
        {INDICES.map((index) => (
          <div key={index} className="dgca-egov__item">
            <dt>{t(`dgcaResults:egov.${index}`)}</dt>
            <dd>
              {words.index(indices[index])}
              {index === 'egdi'
                ? ` ${t('dgcaResults:egov.rank', { rank: words.count(indices.rank) })}`
                : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="studio-muted">
        {t('dgcaResults:egov.source')}{' '}
        <a href={indices.source.url} rel="noopener noreferrer" target="_blank">
          {indices.source.title}, {indices.source.publisher}
          <span className="arch-visually-hidden"> {t('dgcaResults:opensInNewTab')}</span>
        </a>
      </p>
    </section>
  );
}

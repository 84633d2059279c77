import { useTranslation } from 'react-i18next';
import { Figure } from './BreakdownTables';
import { figure, MEASURES, type Cell } from './reportTypes';
import type { ReportWords } from './useReportWords';

/** The five headline figures for everything the filters select. */
export function SummaryFigures({ totals, words }: { totals: Cell; words: ReportWords }) {
  const { t } = useTranslation();
  return (
    <section className="studio-section" aria-labelledby="report-summary-heading">
      <h2 id="report-summary-heading">{t('reports:summary.heading')}</h2>
      <dl className="report-figures">
        {MEASURES.map((measure) => (
          <div key={measure} className="report-figures__item">
            <dt>{words.measure(measure)}</dt>
            <dd>
              <Figure value={figure(totals, measure)} measure={measure} words={words} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

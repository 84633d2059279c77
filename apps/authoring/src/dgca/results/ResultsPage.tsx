import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, buttonClassName, Page, Skeleton } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { EGovernmentContext } from './EGovernmentContext';
import { ProfileChart } from './ProfileChart';
import { ProfileTable } from './ProfileTable';
import { getAssessment, getResults, resultsExportUrl } from './results-api';
import { beforeConsensus, type ResultsView } from './resultsTypes';
import { StrengthsAndGaps } from './StrengthsAndGaps';
import { useResultsWords, type ResultsWords } from './useResultsWords';
import '../../components/page-nav.css';
import './dgca-results.css';

/**
 * /assessments/:id/results — the capability profile: radar and table, strengths and gaps, the
 * modules recommended for the gaps, the country's E-Government Survey figures as context, the change
 * since the previous assessment, and the exports.
 */
export default function ResultsPage() {
  const { t } = useTranslation();
  const words = useResultsWords();
  const { id = '' } = useParams();
  const results = useApiData(id, (signal) => getResults(id, signal));
  const view = results.state.status === 'ready' ? results.state.data : undefined;
  const failed = results.state.status === 'failed' ? results.state.problem : undefined;
  // Its status says whether refused results are simply not there yet.
  const assessment = useApiData(`assessment|${id}`, (signal) => getAssessment(id, signal));
  const known = assessment.state.status === 'ready' ? assessment.state.data : undefined;
  const status = known?.status;
  const notReached =
    failed !== undefined && (failed.status === 409 || (status !== undefined && beforeConsensus(status)));
  const waiting = failed !== undefined && !notReached && assessment.state.status === 'loading';
  const title = view
    ? t('dgcaResults:results.title', { assessment: view.assessment.title })
    : t('dgcaResults:results.short');

  return (
    <Page title={title} documentTitle={t('dgcaResults:results.short')}>
      <nav aria-label={t('common.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/assessments">{t('dgcaResults:breadcrumb.assessments')}</Link>
          </li>
          <li>
            <Link to={`/assessments/${id}`}>
              {view?.assessment.title ?? known?.title ?? t('dgcaResults:breadcrumb.assessment')}
            </Link>
          </li>
          <li aria-current="page">{t('dgcaResults:results.short')}</li>
        </ol>
      </nav>
      {results.state.status === 'loading' || waiting ? (
        <Skeleton lines={8} label={t('dgcaResults:results.loading')} />
      ) : null}
      {notReached ? (
        <Alert tone="info" title={t('dgcaResults:results.notReached.title')}>
          <p>{t('dgcaResults:results.notReached.body')}</p>
          <p>
            <Link to={`/assessments/${id}`}>{t('dgcaResults:backToAssessment')}</Link>
          </p>
        </Alert>
      ) : failed && !waiting ? (
        <ProblemAlert problem={failed} title={t('dgcaResults:results.loadFailed')} onRetry={results.reload} />
      ) : null}
      {view ? <Results results={view} words={words} /> : null}
    </Page>
  );
}

function Results({ results, words }: { results: ResultsView; words: ResultsWords }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { assessment } = results;
  const subject =
    assessment.subject === 'country' && assessment.country
      ? words.country(assessment.country)
      : assessment.institutionName;
  const withPrevious = results.previous !== null;

  return (
    <>
      <dl className="studio-facts">
        <dt>{t('dgcaResults:results.subject')}</dt>
        <dd>{subject}</dd>
        <dt>{t('dgcaResults:results.status')}</dt>
        <dd>{words.status(assessment.status)}</dd>
        {assessment.completedAt ? (
          <>
            <dt>{t('dgcaResults:results.completedAt')}</dt>
            <dd>{words.date(assessment.completedAt)}</dd>
          </>
        ) : null}
        <dt>{t('dgcaResults:results.raters')}</dt>
        <dd>
          {t('dgcaResults:results.ratersValue', {
            raters: words.count(results.raters),
            participants: words.count(results.participants),
          })}
        </dd>
      </dl>
      {assessment.status !== 'completed' ? (
        <p className="dgca-note">{t('dgcaResults:results.provisional')}</p>
      ) : null}
      <div className="arch-actions">
        <a
          className={buttonClassName('secondary')}
          href={resultsExportUrl(assessment.id, 'pdf', language)}
          download
        >
          {t('dgcaResults:results.downloadPdf')}
        </a>
        <a
          className={buttonClassName('secondary')}
          href={resultsExportUrl(assessment.id, 'csv', language)}
          download
        >
          {t('dgcaResults:results.downloadCsv')}
        </a>
      </div>
      {results.withheld ? (
        <div className="dgca-withheld">
          <h2>{t('dgcaResults:results.withheld.title')}</h2>
          <p>{t('dgcaResults:results.withheld.body')}</p>
        </div>
      ) : null}
      <section className="studio-section" aria-labelledby="dgca-profile-heading">
        <h2 id="dgca-profile-heading">{t('dgcaResults:profile.heading')}</h2>
        <p>
          {t('dgcaResults:profile.scoreExplained', {
            min: words.count(results.scale.min),
            max: words.count(results.scale.max),
          })}
        </p>
        <ProfileChart results={results} words={words} />
        <ProfileTable
          dimensions={results.dimensions}
          withheld={results.withheld}
          withPrevious={withPrevious}
          words={words}
          caption={t('dgcaResults:profile.tableCaption')}
        />
        {results.previous ? (
          <p>
            {t('dgcaResults:profile.comparedWith')}{' '}
            <Link to={`/assessments/${results.previous.id}/results`}>{results.previous.title}</Link>
            {results.previous.completedAt
              ? ` (${t('dgcaResults:profile.completedOn', { date: words.date(results.previous.completedAt) })})`
              : null}
          </p>
        ) : null}
      </section>
      <StrengthsAndGaps results={results} words={words} />
      {results.eGovernment ? <EGovernmentContext indices={results.eGovernment} words={words} /> : null}
      <section className="studio-section" aria-labelledby="dgca-next-heading">
        <h2 id="dgca-next-heading">{t('dgcaResults:results.nextHeading')}</h2>
        <ul>
          <li>
            <Link to={`/assessments/${assessment.id}/actions`}>{t('dgcaResults:results.actionPlan')}</Link>
          </li>
          <li>
            <Link to={`/assessments/${assessment.id}/consensus`}>
              {t('dgcaResults:results.consensusRound')}
            </Link>
          </li>
          <li>
            <Link to="/assessments/regional">{t('dgcaResults:results.regional')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}

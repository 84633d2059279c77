import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LoadFailed } from '../account/LoadFailed';
import { useResource } from '../learning/useResource';
import { ActionPlan } from './ActionPlan';
import { assessmentPaths, fetchMyResults, type ResultsView } from './assessments-api';
import { useAssessmentWords } from './assessment-words';
import { EGovernmentContext } from './EGovernmentContext';
import { CapabilityProfile } from './CapabilityProfile';
import { StrengthsAndGaps } from './StrengthsAndGaps';
import './assessments.css';

/** /assessments/:id/results: the team's capability profile and its action plan. */
export default function ResultsPage() {
  return (
    <RequireSignIn>
      <ResultsLoader />
    </RequireSignIn>
  );
}

function ResultsLoader() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me } = useSession();
  const { state, retry } = useResource(`assessment-results|${id}|${me?.user.id ?? ''}`, (signal) =>
    fetchMyResults(id, signal),
  );
  if (state.status === 'ready' && state.data.ready) return <Results results={state.data.results} />;
  const title =
    state.status === 'missing'
      ? t('assessments:rate.missingTitle')
      : state.status === 'ready'
        ? t('assessments:results.notReadyTitle')
        : t('assessments:results.loadingTitle');
  return (
    <Page title={title}>
      {state.status === 'loading' ? <Skeleton lines={8} label={t('assessments:results.loading')} /> : null}
      {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
      {state.status === 'missing' ? <p>{t('assessments:rate.missing')}</p> : null}
      {state.status === 'ready' ? (
        <>
          <p>{t('assessments:results.notReady')}</p>
          <p>
            <Link to={assessmentPaths.rate(id)}>{t('assessments:results.toAssessment')}</Link>
          </p>
          {/* The plan is made in the consensus round, before the results are final. */}
          <ActionPlan assessmentId={id} />
        </>
      ) : null}
      {state.status !== 'loading' ? (
        <p>
          <Link to={assessmentPaths.list}>{t('assessments:backToList')}</Link>
        </p>
      ) : null}
    </Page>
  );
}

function Results({ results }: { results: ResultsView }) {
  const { t, i18n } = useTranslation();
  const words = useAssessmentWords();
  const { assessment } = results;
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Page
      title={t('assessments:results.title', { title: assessment.title })}
      documentTitle={t('assessments:results.documentTitle')}
    >
      <dl className="arch-facts">
        <dt>{t('assessments:facts.subject')}</dt>
        <dd>{words.subject(assessment, assessment.institutionName)}</dd>
        <dt>{t('assessments:facts.status')}</dt>
        <dd>{words.status(assessment.status)}</dd>
        {assessment.completedAt ? (
          <>
            <dt>{t('assessments:facts.completed')}</dt>
            <dd>{words.format.date(assessment.completedAt)}</dd>
          </>
        ) : null}
        <dt>{t('assessments:facts.participants')}</dt>
        <dd>
          {t('assessments:results.raters', { raters: results.raters, participants: results.participants })}
        </dd>
      </dl>
      <p>
        <a href={assessmentPaths.resultsPdf(assessment.id, language)} download>
          {t('assessments:results.pdf')}
        </a>
      </p>
      {results.withheld ? (
        <Alert tone="info" title={t('assessments:results.withheldTitle')}>
          <p>{t('assessments:results.withheld')}</p>
        </Alert>
      ) : null}
      <CapabilityProfile results={results} />
      <StrengthsAndGaps results={results} />
      <EGovernmentContext indices={results.eGovernment} />
      <ActionPlan assessmentId={assessment.id} />
      <p>
        <Link to={assessmentPaths.list}>{t('assessments:backToList')}</Link>
      </p>
    </Page>
  );
}

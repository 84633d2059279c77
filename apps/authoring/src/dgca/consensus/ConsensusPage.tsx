import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { getAssessment } from '../results/results-api';
import { beforeConsensus, type ConsensusView, type StatementConsensus } from '../results/resultsTypes';
import { useResultsWords } from '../results/useResultsWords';
import { getConsensus } from './consensus-api';
import { StatementCard } from './StatementCard';
import '../../components/page-nav.css';
import '../results/dgca-results.css';

/**
 * /assessments/:id/consensus — the facilitator's consensus round: per statement, how the team rated
 * it without saying who, where they disagree, and the rating the group agrees on. One dimension at a
 * time (chosen in the address), so the page stays short enough to work through in a workshop.
 */
export default function ConsensusPage() {
  const { t } = useTranslation();
  const words = useResultsWords();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const assessment = useApiData(id, (signal) => getAssessment(id, signal));
  const consensus = useApiData(`consensus|${id}`, (signal) => getConsensus(id, signal));
  // Saved statements, until the next load: each save answers with the statement as recorded.
  const [saved, setSaved] = useState<Record<string, StatementConsensus>>({});

  const heading = assessment.state.status === 'ready' ? assessment.state.data : undefined;
  const view = consensus.state.status === 'ready' ? consensus.state.data : undefined;
  const title = heading
    ? t('dgcaResults:consensus.title', { assessment: heading.title })
    : t('dgcaResults:consensus.short');
  const failed = consensus.state.status === 'failed' ? consensus.state.problem : undefined;
  // The assessment's own status says why the round cannot be shown, whatever shape the refusal has.
  const notReached =
    failed !== undefined &&
    (failed.status === 409 || (heading !== undefined && beforeConsensus(heading.status)));
  const waiting = failed !== undefined && !notReached && assessment.state.status === 'loading';

  return (
    <Page title={title} documentTitle={t('dgcaResults:consensus.short')}>
      <nav aria-label={t('common.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/assessments">{t('dgcaResults:breadcrumb.assessments')}</Link>
          </li>
          <li>
            <Link to={`/assessments/${id}`}>{heading?.title ?? t('dgcaResults:breadcrumb.assessment')}</Link>
          </li>
          <li aria-current="page">{t('dgcaResults:consensus.short')}</li>
        </ol>
      </nav>
      <p>{t('dgcaResults:consensus.intro')}</p>
      {consensus.state.status === 'loading' || waiting ? (
        <Skeleton lines={6} label={t('dgcaResults:consensus.loading')} />
      ) : null}
      {notReached ? (
        <Alert tone="info" title={t('dgcaResults:consensus.notReached.title')}>
          <p>{t('dgcaResults:consensus.notReached.body')}</p>
          <p>
            <Link to={`/assessments/${id}`}>{t('dgcaResults:backToAssessment')}</Link>
          </p>
        </Alert>
      ) : failed && !waiting ? (
        <ProblemAlert
          problem={failed}
          title={t('dgcaResults:consensus.loadFailed')}
          onRetry={consensus.reload}
        />
      ) : null}
      {view ? (
        <ConsensusRound
          assessmentId={id}
          view={view}
          saved={saved}
          selected={params.get('dimension')}
          words={words}
          onRecorded={(statement) =>
            setSaved((current) => ({ ...current, [statement.statementId]: statement }))
          }
        />
      ) : null}
    </Page>
  );
}

interface ConsensusRoundProps {
  assessmentId: string;
  view: ConsensusView;
  saved: Record<string, StatementConsensus>;
  selected: string | null;
  words: ReturnType<typeof useResultsWords>;
  onRecorded: (statement: StatementConsensus) => void;
}

function ConsensusRound({ assessmentId, view, saved, selected, words, onRecorded }: ConsensusRoundProps) {
  const { t } = useTranslation();
  const dimensions = view.dimensions.map((dimension) => ({
    ...dimension,
    statements: dimension.statements.map((statement) => saved[statement.statementId] ?? statement),
  }));
  const current = dimensions.find((dimension) => dimension.key === selected) ?? dimensions[0];
  const total = dimensions.reduce((sum, dimension) => sum + dimension.statements.length, 0);
  const agreed = dimensions.reduce(
    (sum, dimension) => sum + dimension.statements.filter((statement) => statement.consensus).length,
    0,
  );
  const editable = view.status === 'consensus';

  return (
    <>
      {view.status === 'completed' ? (
        <Alert tone="info" title={t('dgcaResults:consensus.completed.title')}>
          <p>{t('dgcaResults:consensus.completed.body')}</p>
        </Alert>
      ) : null}
      <p>
        {t('dgcaResults:consensus.raters', { count: view.raters, formatted: words.count(view.raters) })}{' '}
        {t('dgcaResults:consensus.agreedCount', { agreed: words.count(agreed), total: words.count(total) })}
      </p>
      {view.withheld ? (
        <div className="dgca-withheld">
          <h2>{t('dgcaResults:consensus.withheld.title')}</h2>
          <p>{t('dgcaResults:consensus.withheld.body')}</p>
        </div>
      ) : null}
      <nav aria-label={t('dgcaResults:consensus.dimensions')} className="dgca-dimension-nav">
        <ul>
          {dimensions.map((dimension) => {
            const done = dimension.statements.filter((statement) => statement.consensus).length;
            const flagged = dimension.statements.filter((statement) => statement.disagreement).length;
            return (
              <li key={dimension.key}>
                <Link
                  to={{ search: `?dimension=${encodeURIComponent(dimension.key)}` }}
                  aria-current={dimension === current ? 'page' : undefined}
                >
                  {dimension.name}
                </Link>{' '}
                <span className="studio-muted">
                  {t('dgcaResults:consensus.dimensionProgress', {
                    done: words.count(done),
                    total: words.count(dimension.statements.length),
                  })}
                  {flagged > 0
                    ? ` · ${t('dgcaResults:consensus.dimensionFlags', { count: flagged, formatted: words.count(flagged) })}`
                    : null}
                </span>
              </li>
            );
          })}
        </ul>
      </nav>
      {current ? (
        <section className="studio-section" aria-labelledby="dgca-dimension-heading">
          <h2 id="dgca-dimension-heading">{current.name}</h2>
          {current.statements.map((statement, index) => (
            <StatementCard
              key={statement.statementId}
              assessmentId={assessmentId}
              statement={statement}
              number={index + 1}
              scale={view.scale}
              withheld={view.withheld}
              editable={editable}
              words={words}
              onRecorded={onRecorded}
            />
          ))}
        </section>
      ) : null}
    </>
  );
}

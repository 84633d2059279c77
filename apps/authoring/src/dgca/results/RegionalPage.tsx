import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Page, Skeleton, Table } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { getRegional, listPublishedVersions } from './results-api';
import type { VersionChoice } from './resultsTypes';
import { useResultsWords, type ResultsWords } from './useResultsWords';
import '../../components/page-nav.css';
import './dgca-results.css';

/**
 * /assessments/regional — the region's capability profile on one framework version: the average of
 * the latest completed assessment of each country that opted in, shown only when at least three
 * countries did, and never naming one. A self-assessment is not a ranking.
 */
export default function RegionalPage() {
  const { t } = useTranslation();
  const words = useResultsWords();
  const [params, setParams] = useSearchParams();
  const versions = useApiData('published-versions', (signal) => listPublishedVersions(signal));
  const choices = versions.state.status === 'ready' ? versions.state.data : [];
  const versionId = params.get('versionId') ?? choices[0]?.versionId ?? '';

  return (
    <Page title={t('dgcaResults:regional.title')}>
      <nav aria-label={t('common.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/assessments">{t('dgcaResults:breadcrumb.assessments')}</Link>
          </li>
          <li aria-current="page">{t('dgcaResults:regional.title')}</li>
        </ol>
      </nav>
      <p>{t('dgcaResults:regional.intro')}</p>
      {versions.state.status === 'loading' ? (
        <Skeleton lines={2} label={t('dgcaResults:regional.loadingVersions')} />
      ) : null}
      {versions.state.status === 'failed' ? (
        <ProblemAlert
          problem={versions.state.problem}
          title={t('dgcaResults:regional.versionsFailed')}
          onRetry={versions.reload}
        />
      ) : null}
      {versions.state.status === 'ready' && choices.length === 0 ? (
        <p>{t('dgcaResults:regional.noVersions')}</p>
      ) : null}
      {choices.length > 0 ? (
        <VersionForm
          key={versionId}
          choices={choices}
          current={versionId}
          onShow={(chosen) => setParams({ versionId: chosen })}
        />
      ) : null}
      {versionId ? <RegionalProfile versionId={versionId} words={words} /> : null}
    </Page>
  );
}

function VersionForm({
  choices,
  current,
  onShow,
}: {
  choices: VersionChoice[];
  current: string;
  onShow: (versionId: string) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(current);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onShow(chosen);
  };
  return (
    <form
      className="studio-inline-form dgca-version-form"
      onSubmit={onSubmit}
      aria-label={t('dgcaResults:regional.formLabel')}
    >
      <FormField label={t('dgcaResults:regional.version')} hint={t('dgcaResults:regional.versionHint')}>
        <select className="arch-input" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {choices.map((choice) => (
            <option key={choice.versionId} value={choice.versionId}>
              {t('dgcaResults:regional.versionOption', {
                framework: choice.frameworkName,
                number: choice.number,
              })}
            </option>
          ))}
        </select>
      </FormField>
      <Button type="submit">{t('dgcaResults:regional.show')}</Button>
    </form>
  );
}

function RegionalProfile({ versionId, words }: { versionId: string; words: ResultsWords }) {
  const { t } = useTranslation();
  const regional = useApiData(versionId, (signal) => getRegional(versionId, signal));
  if (regional.state.status === 'loading')
    return <Skeleton lines={6} label={t('dgcaResults:regional.loading')} />;
  if (regional.state.status === 'failed')
    return (
      <ProblemAlert
        problem={regional.state.problem}
        title={t('dgcaResults:regional.loadFailed')}
        onRetry={regional.reload}
      />
    );
  const view = regional.state.data;
  return (
    <section className="studio-section" aria-labelledby="dgca-regional-heading">
      <h2 id="dgca-regional-heading">{t('dgcaResults:regional.heading')}</h2>
      <p>
        {t('dgcaResults:regional.countries', {
          count: view.countries,
          formatted: words.count(view.countries),
        })}
      </p>
      {view.withheld ? (
        <div className="dgca-withheld">
          <h3>{t('dgcaResults:regional.withheld.title')}</h3>
          <p>{t('dgcaResults:regional.withheld.body')}</p>
        </div>
      ) : (
        <Table
          caption={t('dgcaResults:regional.tableCaption')}
          columns={[
            { key: 'name', header: t('dgcaResults:profile.dimension'), render: (row) => row.name },
            {
              key: 'score',
              header: t('dgcaResults:regional.score'),
              render: (row) => words.score(row.score),
            },
          ]}
          rows={view.dimensions}
          rowKey={(row) => row.key}
        />
      )}
    </section>
  );
}

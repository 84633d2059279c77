import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getCohort } from '../cohorts-api';
import type { CohortView, ImportView } from '../cohortTypes';
import { TemplateSection } from './TemplateSection';
import { UploadForm } from './UploadForm';
import { ImportSteps } from './ImportSteps';
import { ImportHistory } from './ImportHistory';
import '../cohorts.css';

const IMPORT_PARAM = 'import';

/**
 * /cohorts/:cohortId/import — enrol many people from a spreadsheet: template, upload, preview with
 * the rows that need fixing, confirmation, result. The import being looked at is in the URL
 * (?import=…), so a reload or the Back button keeps the place.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const { state, reload } = useApiData(cohortId, (signal) => getCohort(cohortId, signal));
  const cohort = state.status === 'ready' ? state.data : undefined;

  return (
    <Page
      title={cohort ? t('cohorts:import.title', { name: cohort.name }) : t('cohorts:import.shortTitle')}
      documentTitle={t('cohorts:import.shortTitle')}
    >
      <p>
        <Link to={`/cohorts/${cohortId}`}>
          {cohort ? t('cohorts:import.back', { name: cohort.name }) : t('cohorts:back')}
        </Link>
      </p>
      {state.status === 'loading' ? <Skeleton lines={8} label={t('cohorts:page.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('cohorts:page.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {cohort ? <ImportWorkspace cohort={cohort} /> : null}
    </Page>
  );
}

function ImportWorkspace({ cohort }: { cohort: CohortView }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const importId = params.get(IMPORT_PARAM);
  // The history lists every upload: read again when one is made, confirmed or discarded.
  const [historyVersion, setHistoryVersion] = useState(0);
  const changed = useCallback(() => setHistoryVersion((count) => count + 1), []);
  // The upload's own answer is shown at once instead of being read again.
  const [uploaded, setUploaded] = useState<ImportView | null>(null);
  // Starting over removes the button that was pressed: the file picker takes focus instead.
  const [startedOver, setStartedOver] = useState(false);

  const show = (view: ImportView | null) => {
    setUploaded(view);
    setStartedOver(view === null);
    const next = new URLSearchParams(params);
    next.delete('problemsPage');
    if (view) next.set(IMPORT_PARAM, view.id);
    else next.delete(IMPORT_PARAM);
    setParams(next);
    changed();
  };

  if (cohort.status === 'closed' || !cohort.canManage) {
    return (
      <Alert tone="info" title={t('cohorts:import.notAllowedTitle')}>
        <p>{t(cohort.status === 'closed' ? 'cohorts:import.closed' : 'cohorts:import.notManager')}</p>
      </Alert>
    );
  }

  return (
    <>
      <p>{t('cohorts:import.intro')}</p>
      <TemplateSection cohortId={cohort.id} />
      {importId ? (
        <ImportSteps
          key={importId}
          importId={importId}
          initial={uploaded?.id === importId ? uploaded : null}
          cohort={cohort}
          onStartOver={() => show(null)}
          onChanged={changed}
        />
      ) : (
        <UploadForm cohortId={cohort.id} onUploaded={show} focusOnMount={startedOver} />
      )}
      <ImportHistory cohortId={cohort.id} refresh={historyVersion} currentId={importId} />
    </>
  );
}

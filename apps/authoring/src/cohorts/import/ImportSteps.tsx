import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ProgressBar, Skeleton, useAnnounce, useFormatters } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { importProblemOf, type CohortView, type ImportView } from '../cohortTypes';
import { ImportPreview } from './ImportPreview';
import { ImportResult } from './ImportResult';
import { useImport } from './useImport';
import { useRefusalText } from './UploadForm';

export interface ImportStepsProps {
  importId: string;
  /** The upload's answer, when this page just made it. */
  initial: ImportView | null;
  cohort: CohortView;
  /** Back to choosing a file. */
  onStartOver: () => void;
  /** The import changed (confirmed, discarded): the history is read again. */
  onChanged: () => void;
}

const STEP_HEADING_ID = 'import-step-heading';

/** Where an upload stands: being checked, its preview, being applied, its result, or why it failed. */
export function ImportSteps(props: ImportStepsProps) {
  const announce = useAnnounce();
  const { state, retry, replace } = useImport(props.importId, props.initial);
  const container = useRef<HTMLDivElement>(null);
  const view = state.status === 'ready' ? state.view : null;
  // The step shown last; null until one is (an import opened from the address or the history).
  const shown = useRef<ImportView['status'] | null>(null);
  // Each step replaces the one whose button was just used (upload, confirm) or that finished in the
  // background, so focus would fall to the top of the page: it goes to the new step's heading. When
  // the reader is elsewhere on the page they are told instead, and an import opened from the
  // address or the history leaves focus where it is.
  useEffect(() => {
    if (!view) return;
    const before = shown.current;
    shown.current = view.status;
    if (before === view.status) return;
    if (before === null && props.initial === null) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || container.current?.contains(active);
    const heading = document.getElementById(STEP_HEADING_ID);
    if (lost && heading) heading.focus();
    else if (heading?.textContent) announce(heading.textContent);
  }, [view, props.initial, announce]);
  return (
    <div ref={container}>
      <ImportStep {...props} state={state} retry={retry} replace={replace} />
    </div>
  );
}

function ImportStep({
  state,
  retry,
  replace,
  cohort,
  onStartOver,
  onChanged,
}: ImportStepsProps & ReturnType<typeof useImport>): ReactNode {
  const { t } = useTranslation();
  const refusalText = useRefusalText();

  if (state.status === 'loading') return <Skeleton lines={6} label={t('cohorts:import.loading')} />;
  if (state.status === 'failed') {
    return (
      <>
        <ProblemAlert title={t('cohorts:import.loadFailed')} problem={state.problem} onRetry={retry} />
        <Button variant="secondary" onClick={onStartOver}>
          {t('cohorts:import.uploadAnother')}
        </Button>
      </>
    );
  }
  const view = state.view;
  const problem = importProblemOf(view);
  switch (view.status) {
    case 'validating':
    case 'applying':
      return <ImportProgress view={view} />;
    case 'previewed':
      return (
        <ImportPreview
          view={view}
          cohort={cohort}
          onConfirmed={(next) => {
            replace(next);
            onChanged();
          }}
          onStale={() => {
            retry();
            onChanged();
          }}
          onStartOver={onStartOver}
        />
      );
    case 'applied':
      return <ImportResult view={view} cohortId={cohort.id} onStartOver={onStartOver} />;
    case 'rejected':
    case 'failed':
      return (
        <section className="studio-section" aria-labelledby="import-step-heading">
          <h2 id={STEP_HEADING_ID} tabIndex={-1}>
            {t(`cohorts:import.${view.status}.title`, { name: view.fileName })}
          </h2>
          <Alert title={t(`cohorts:import.${view.status}.alert`)} headingLevel={3}>
            <p>
              {problem
                ? refusalText(problem.status ?? 422, problem)
                : t(`cohorts:import.${view.status}.body`)}
            </p>
          </Alert>
          <Button onClick={onStartOver}>{t('cohorts:import.uploadCorrected')}</Button>
        </section>
      );
    case 'discarded':
      return (
        <section className="studio-section" aria-labelledby="import-step-heading">
          <h2 id={STEP_HEADING_ID} tabIndex={-1}>
            {t('cohorts:import.discarded.title', { name: view.fileName })}
          </h2>
          <p>{t('cohorts:import.discarded.body')}</p>
          <Button onClick={onStartOver}>{t('cohorts:import.uploadAnother')}</Button>
        </section>
      );
  }
}

/** A large file is checked or applied in the background: how far it has got. */
function ImportProgress({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const checking = view.status === 'validating';
  const label = t(checking ? 'cohorts:import.progress.checking' : 'cohorts:import.progress.applying', {
    name: view.fileName,
  });
  return (
    <section className="studio-section" aria-labelledby="import-step-heading">
      <h2 id={STEP_HEADING_ID} tabIndex={-1}>
        {label}
      </h2>
      <ProgressBar
        label={t('cohorts:import.progress.label')}
        value={view.processedRows}
        max={Math.max(view.totalRows, view.processedRows, 1)}
        valueText={
          view.totalRows > 0
            ? t('cohorts:import.progress.value', {
                done: format.number(view.processedRows),
                total: format.number(view.totalRows),
              })
            : t('cohorts:import.progress.starting')
        }
      />
      <p>{t('cohorts:import.progress.leave')}</p>
    </section>
  );
}

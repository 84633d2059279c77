import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, Page, Skeleton } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FilterForm } from '../../components/FilterForm';
import { focusAfterDialog } from '../../cohorts/focusAfterDialog';
import { exportUrl, listActions } from './actions-api';
import { ActionDialog, type Editing } from './ActionDialog';
import { ActionList } from './ActionList';
import { ActionRoadmap } from './ActionRoadmap';
import {
  ACTION_STATUSES,
  VIEWS,
  oneOf,
  planIsOpen,
  type ActionView,
  type PlanAssessment,
  type PlanView,
} from './actionTypes';
import { DeleteActionDialog } from './DeleteActionDialog';
import { GapsNote } from './GapsNote';
import { loadGaps, loadPlanAssessment } from './loadPlan';
import { PlanViewLinks } from './PlanViewLinks';
import { PriorityMatrix } from './PriorityMatrix';
import { ProgressDialog } from './ProgressDialog';
import { useActionWords } from './useActionWords';
import './actions.css';

const VIEW_HEADING_ID = 'plan-view-heading';

/** /assessments/:id/actions — the team's action plan: what will close the gaps, who, when, and how far it has got. */
export default function ActionPlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, reload } = useApiData(id, (signal) => loadPlanAssessment(id, signal));
  if (state.status === 'ready') return <PlanScreen key={state.data.id} assessment={state.data} />;
  return (
    <Page title={t('dgcaActions:page.loadingTitle')}>
      {state.status === 'loading' ? (
        <Skeleton lines={10} label={t('dgcaActions:page.loading')} />
      ) : (
        <>
          <ProblemAlert title={t('dgcaActions:page.loadFailed')} problem={state.problem} onRetry={reload} />
          <p>
            <Link to="/assessments">{t('dgcaActions:page.backToList')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}

function PlanScreen({ assessment }: { assessment: PlanAssessment }) {
  const { t, i18n } = useTranslation();
  const words = useActionWords();
  const [params] = useSearchParams();
  const view: PlanView = oneOf(VIEWS, params.get('view')) ?? 'list';
  const dimension = assessment.dimensions.find((d) => d.key === params.get('dimension'));
  const status = oneOf(ACTION_STATUSES, params.get('status'));
  const open = planIsOpen(assessment.status);
  const actions = useApiData(`actions:${assessment.id}`, (signal) => listActions(assessment.id, signal));
  const gaps = useApiData(`gaps:${assessment.id}`, (signal) =>
    loadGaps(assessment.id, assessment.status, signal),
  );
  const gapKeys = gaps.state.status === 'ready' ? gaps.state.data : [];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<ActionView | null>(null);
  const [updating, setUpdating] = useState<ActionView | null>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;

  const all = actions.state.status === 'ready' ? actions.state.data.items : [];
  const shown = all.filter(
    (action) =>
      (!dimension || action.dimensionKey === dimension.key) && (!status || action.status === status),
  );
  const filtered = Boolean(dimension || status);
  const handlers = {
    onEdit: (action: ActionView) => setEditing({ kind: 'edit', action }),
    onProgress: setUpdating,
    onDelete: setDeleting,
  };

  return (
    <Page
      title={t('dgcaActions:page.title', { title: assessment.title })}
      documentTitle={t('dgcaActions:page.documentTitle', { title: assessment.title })}
    >
      <p>
        <Link to={`/assessments/${assessment.id}`}>{t('dgcaActions:page.back')}</Link>
      </p>
      <p>{t('dgcaActions:page.intro')}</p>
      {open ? null : (
        <Alert tone="info" title={t('dgcaActions:page.notYetTitle')}>
          <p>{t('dgcaActions:page.notYet')}</p>
        </Alert>
      )}
      {open && gapKeys.length > 0 ? (
        <GapsNote
          gaps={gapKeys}
          dimensions={assessment.dimensions}
          onPlan={(dimensionKey) => setEditing({ kind: 'new', dimensionKey })}
        />
      ) : null}
      <div className="arch-actions">
        {open ? (
          <Button onClick={() => setEditing({ kind: 'new' })}>{t('dgcaActions:page.new')}</Button>
        ) : null}
        <a
          className="arch-button arch-button--secondary"
          href={exportUrl(assessment.id, 'csv', language)}
          download
        >
          {t('dgcaActions:page.exportCsv')}
        </a>
        <a
          className="arch-button arch-button--secondary"
          href={exportUrl(assessment.id, 'pdf', language)}
          download
        >
          {t('dgcaActions:page.exportPdf')}
        </a>
      </div>
      <PlanViewLinks current={view} />
      <FilterForm label={t('dgcaActions:filters.label')} names={['dimension', 'status']}>
        <FormField label={t('dgcaActions:filters.dimension')}>
          <select className="arch-input" name="dimension" defaultValue={dimension?.key ?? ''}>
            <option value="">{t('dgcaActions:filters.anyDimension')}</option>
            {assessment.dimensions.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('dgcaActions:filters.status')}>
          <select className="arch-input" name="status" defaultValue={status ?? ''}>
            <option value="">{t('dgcaActions:filters.anyStatus')}</option>
            {ACTION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {words.status(value)}
              </option>
            ))}
          </select>
        </FormField>
      </FilterForm>
      <section className="studio-section" aria-labelledby={VIEW_HEADING_ID}>
        <h2 id={VIEW_HEADING_ID} tabIndex={-1}>
          {t(`dgcaActions:views.${view}Heading`)}
        </h2>
        {actions.state.status === 'loading' ? (
          <Skeleton lines={6} label={t('dgcaActions:list.loading')} />
        ) : null}
        {actions.state.status === 'failed' ? (
          <ProblemAlert
            problem={actions.state.problem}
            title={t('dgcaActions:list.loadFailed')}
            onRetry={actions.reload}
            headingLevel={3}
          />
        ) : null}
        {actions.state.status === 'ready' ? (
          <>
            <p>
              {filtered
                ? t('dgcaActions:list.countFiltered', { count: all.length, shown: shown.length })
                : t('dgcaActions:list.count', { count: all.length })}
            </p>
            {shown.length === 0 ? (
              <p>{t(filtered ? 'dgcaActions:list.noneFound' : 'dgcaActions:list.none')}</p>
            ) : view === 'roadmap' ? (
              <ActionRoadmap actions={shown} dimensions={assessment.dimensions} words={words} />
            ) : view === 'matrix' ? (
              <PriorityMatrix actions={shown} words={words} />
            ) : (
              <ActionList
                actions={shown}
                words={words}
                caption={t('dgcaActions:list.caption')}
                {...handlers}
              />
            )}
          </>
        ) : null}
      </section>
      <ActionDialog
        editing={editing}
        assessmentId={assessment.id}
        dimensions={assessment.dimensions}
        gaps={gapKeys}
        words={words}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          actions.reload();
        }}
        onGone={actions.reload}
      />
      <ProgressDialog
        action={updating}
        words={words}
        onClose={() => setUpdating(null)}
        onPosted={(action) => {
          setUpdating(action);
          actions.reload();
        }}
      />
      <DeleteActionDialog
        action={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          // The row and its "Delete" button go: focus rests on the view's heading instead.
          focusAfterDialog(VIEW_HEADING_ID);
          setDeleting(null);
          actions.reload();
        }}
      />
    </Page>
  );
}

import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useFormatters } from '@archipelago/ui';
import { useApiData } from '../data/useApiData';
import { ProblemAlert } from '../components/ProblemAlert';
import { getCohort } from './cohorts-api';
import type { CohortView } from './cohortTypes';
import { CohortDetailsForm } from './CohortDetailsForm';
import { CohortFacts } from './CohortFacts';
import { CloseCohortAction } from './CloseCohortAction';
import { CohortMembers } from './CohortMembers';
import { AddMemberForm } from './AddMemberForm';
import './cohorts.css';

const DETAILS_HEADING_ID = 'cohort-details-heading';

/** /cohorts/:cohortId — a cohort's details, its people, and the ways to add many at once or follow them. */
export default function CohortPage() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const { state, reload } = useApiData(cohortId, (signal) => getCohort(cohortId, signal));

  if (state.status === 'loading') {
    return (
      <Page title={t('cohorts:page.loadingTitle')}>
        <Skeleton lines={10} label={t('cohorts:page.loading')} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('cohorts:page.loadingTitle')}>
        <ProblemAlert title={t('cohorts:page.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/cohorts">{t('cohorts:back')}</Link>
        </p>
      </Page>
    );
  }
  return <CohortScreen key={state.data.id} loaded={state.data} reload={reload} />;
}

function CohortScreen({ loaded, reload }: { loaded: CohortView; reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [cohort, setCohort] = useState(loaded);
  // Bumped when someone else's version replaces the form's, so its uncontrolled fields start over.
  const [generation, setGeneration] = useState(0);
  const replace = useCallback((newer: CohortView) => {
    setCohort(newer);
    setGeneration((count) => count + 1);
  }, []);
  // Adding or removing people changes the counts shown with the details.
  const [membersChanged, setMembersChanged] = useState(0);
  const peopleChanged = useCallback(() => {
    setMembersChanged((count) => count + 1);
    reload();
  }, [reload]);
  const [prevLoaded, setPrevLoaded] = useState(loaded);
  if (loaded !== prevLoaded) {
    setPrevLoaded(loaded);
    setCohort(loaded);
  }

  const closed = cohort.status === 'closed';
  const canEdit = cohort.canManage && !closed;

  return (
    <Page title={cohort.name} documentTitle={t('cohorts:page.documentTitle', { name: cohort.name })}>
      <p>
        <Link to="/cohorts">{t('cohorts:back')}</Link>
      </p>
      <p>
        {t('cohorts:page.facts', {
          institution: cohort.institution.name,
          status: t(`cohorts:status.${cohort.status}`),
          members: t('cohorts:page.memberCount', {
            count: cohort.memberCount,
            formatted: format.number(cohort.memberCount),
          }),
          invitees: t('cohorts:page.inviteeCount', {
            count: cohort.inviteeCount,
            formatted: format.number(cohort.inviteeCount),
          }),
        })}
      </p>
      {closed ? (
        <Alert tone="info" title={t('cohorts:page.closedTitle')}>
          <p>
            {cohort.closedAt
              ? t('cohorts:page.closedOn', { date: format.date(cohort.closedAt) })
              : t('cohorts:page.closedBody')}
          </p>
        </Alert>
      ) : null}
      <nav aria-label={t('cohorts:page.linksLabel')}>
        <ul className="cohort-links">
          <li>
            <Link to={`/cohorts/${cohort.id}/progress`}>{t('cohorts:page.progressLink')}</Link>
          </li>
          {canEdit ? (
            <li>
              <Link to={`/cohorts/${cohort.id}/import`}>{t('cohorts:page.importLink')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {/* The heading stays when the form gives way to the facts (closing): focus can rest on it. */}
      <section className="studio-section" aria-labelledby={DETAILS_HEADING_ID}>
        <h2 id={DETAILS_HEADING_ID} tabIndex={-1}>
          {t('cohorts:details.title')}
        </h2>
        {canEdit ? (
          <CohortDetailsForm key={generation} cohort={cohort} onSaved={setCohort} onReplace={replace} />
        ) : (
          <CohortFacts cohort={cohort} />
        )}
      </section>
      {canEdit ? <AddMemberForm cohort={cohort} onAdded={peopleChanged} /> : null}
      <CohortMembers cohort={cohort} canEdit={canEdit} refresh={membersChanged} onChanged={peopleChanged} />
      {canEdit ? <CloseCohortAction cohort={cohort} onClosed={setCohort} /> : null}
    </Page>
  );
}

import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useFormatters } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getAssessment } from './assessments-api';
import type { AssessmentView } from './assessmentTypes';
import { AssessmentFacts } from './AssessmentFacts';
import { AssessmentLinks } from './AssessmentLinks';
import { AssessmentSettingsForm } from './AssessmentSettingsForm';
import { AddPeopleForm } from './AddPeopleForm';
import { DeleteAssessmentAction } from './DeleteAssessmentAction';
import { ParticipantsSection } from './ParticipantsSection';
import { RegionalOptInForm } from './RegionalOptInForm';
import { StatusActions } from './StatusActions';
import './dgca.css';

export const SETTINGS_HEADING_ID = 'dgca-settings-heading';

/** /assessments/:id — an assessment's round, settings and participants, with links to its later stages. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, reload } = useApiData(id, (signal) => getAssessment(id, signal));

  if (state.status === 'loading') {
    return (
      <Page title={t('dgca:page.loadingTitle')}>
        <Skeleton lines={10} label={t('dgca:page.loading')} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('dgca:page.loadingTitle')}>
        <ProblemAlert title={t('dgca:page.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/assessments">{t('dgca:back')}</Link>
        </p>
      </Page>
    );
  }
  return <AssessmentScreen key={state.data.id} loaded={state.data} reload={reload} />;
}

function AssessmentScreen({ loaded, reload }: { loaded: AssessmentView; reload: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [assessment, setAssessment] = useState(loaded);
  // Bumped when someone else's version replaces the form's, so its uncontrolled fields start over.
  const [generation, setGeneration] = useState(0);
  const replace = useCallback((newer: AssessmentView) => {
    setAssessment(newer);
    setGeneration((count) => count + 1);
  }, []);
  // Adding or removing people changes the counts shown with the details.
  const [peopleChanges, setPeopleChanges] = useState(0);
  const peopleChanged = useCallback(() => {
    setPeopleChanges((count) => count + 1);
    reload();
  }, [reload]);
  const [prevLoaded, setPrevLoaded] = useState(loaded);
  if (loaded !== prevLoaded) {
    setPrevLoaded(loaded);
    setAssessment(loaded);
  }

  const { status } = assessment;
  const completed = status === 'completed';
  // Participants come and go until the consensus round starts (their ratings would go with them).
  const peopleEditable = status === 'draft' || status === 'individual';

  return (
    <Page title={assessment.title} documentTitle={t('dgca:page.documentTitle', { title: assessment.title })}>
      <p>
        <Link to="/assessments">{t('dgca:back')}</Link>
      </p>
      <p>
        {t('dgca:page.facts', {
          institution: assessment.institution.name,
          subject: t(`dgca:subject.${assessment.subject}`, {
            country: format.region(assessment.country),
            institution: assessment.institution.name,
          }),
          status: t(`dgca:status.${status}`),
          framework: t('dgca:frameworkVersion', {
            name: assessment.framework.name,
            number: assessment.framework.number,
          }),
        })}
      </p>
      {completed ? (
        <Alert tone="info" title={t('dgca:page.completedTitle')}>
          <p>
            {assessment.completedAt
              ? t('dgca:page.completedOn', { date: format.date(assessment.completedAt) })
              : t('dgca:page.completedBody')}
          </p>
        </Alert>
      ) : null}
      <AssessmentLinks assessment={assessment} />
      <StatusActions assessment={assessment} onChanged={replace} reload={reload} />
      {/* The heading stays when the form gives way to the facts (completing): focus can rest on it. */}
      <section className="studio-section" aria-labelledby={SETTINGS_HEADING_ID}>
        <h2 id={SETTINGS_HEADING_ID} tabIndex={-1}>
          {t('dgca:settings.title')}
        </h2>
        {completed ? (
          <>
            <AssessmentFacts assessment={assessment} />
            {assessment.subject === 'country' ? (
              <RegionalOptInForm assessment={assessment} onSaved={setAssessment} onReplace={replace} />
            ) : null}
          </>
        ) : (
          <AssessmentSettingsForm
            key={generation}
            assessment={assessment}
            onSaved={setAssessment}
            onReplace={replace}
          />
        )}
      </section>
      {peopleEditable ? <AddPeopleForm assessment={assessment} onAdded={peopleChanged} /> : null}
      <ParticipantsSection
        assessment={assessment}
        canEdit={peopleEditable}
        canRemove={peopleEditable && !assessment.consensusOpenedAt}
        refresh={peopleChanges}
        onChanged={peopleChanged}
      />
      {status === 'draft' ? <DeleteAssessmentAction assessment={assessment} /> : null}
    </Page>
  );
}

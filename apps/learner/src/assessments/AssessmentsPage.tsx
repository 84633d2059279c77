import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, ProgressBar, Skeleton, useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LoadFailed } from '../account/LoadFailed';
import { useResource } from '../learning/useResource';
import { assessmentPaths, fetchMyAssessments, type MyAssessmentSummary } from './assessments-api';
import { useAssessmentWords } from './assessment-words';
import './assessments.css';

/** /assessments: the self-assessments the signed-in person takes part in. */
export default function AssessmentsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <Page title={t('assessments:list.title')}>
        <p className="arch-lead">{t('assessments:list.intro')}</p>
        <MyAssessments />
      </Page>
    </RequireSignIn>
  );
}

function MyAssessments() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { state, retry } = useResource(`assessments|${me?.user.id ?? ''}`, fetchMyAssessments);
  if (state.status === 'loading') return <Skeleton lines={6} label={t('assessments:list.loading')} />;
  if (state.status !== 'ready') return <LoadFailed retry={retry} />;
  if (state.data.length === 0) return <p>{t('assessments:list.empty')}</p>;
  return (
    <ul className="assessment-list">
      {state.data.map((assessment) => (
        <AssessmentEntry key={assessment.id} assessment={assessment} />
      ))}
    </ul>
  );
}

function AssessmentEntry({ assessment }: { assessment: MyAssessmentSummary }) {
  const { t } = useTranslation();
  const words = useAssessmentWords();
  const open = assessment.status === 'individual';
  // The links' visible words are the same on every entry; screen readers hear which one it is.
  const forTitle = (
    <span className="arch-visually-hidden">
      {' '}
      {t('assessments:list.forAssessment', { title: assessment.title })}
    </span>
  );
  return (
    <li className="assessment-entry">
      <h2>
        <Link to={assessmentPaths.rate(assessment.id)}>{assessment.title}</Link>
      </h2>
      <dl className="arch-facts">
        <dt>{t('assessments:facts.subject')}</dt>
        <dd>{words.subject(assessment)}</dd>
        <dt>{t('assessments:facts.status')}</dt>
        <dd>{words.status(assessment.status)}</dd>
        {assessment.individualDueOn ? (
          <>
            <dt>{t('assessments:facts.dueOn')}</dt>
            <dd>{words.day(assessment.individualDueOn)}</dd>
          </>
        ) : null}
        {assessment.submittedAt ? (
          <>
            <dt>{t('assessments:facts.submitted')}</dt>
            <dd>{words.format.date(assessment.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
      <ProgressBar
        label={t('assessments:progress.label')}
        value={assessment.answered}
        max={Math.max(assessment.total, 1)}
        valueText={t('assessments:progress.value', {
          answered: assessment.answered,
          total: assessment.total,
        })}
      />
      <p>{t(`assessments:list.next.${assessment.status}`)}</p>
      <p className="assessment-entry__links">
        <Link to={assessmentPaths.rate(assessment.id)}>
          {open ? t('assessments:list.rate') : t('assessments:list.view')}
          {forTitle}
        </Link>
        {assessment.resultsAvailable ? (
          <Link to={assessmentPaths.results(assessment.id)}>
            {t('assessments:list.results')}
            {forTitle}
          </Link>
        ) : null}
      </p>
    </li>
  );
}

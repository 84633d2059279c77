import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton, useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LoadFailed } from '../account/LoadFailed';
import { useResource } from '../learning/useResource';
import { assessmentPaths, fetchMyAssessment } from './assessments-api';
import { RatingScreen } from './RatingScreen';
import './assessments.css';

/** /assessments/:id: rate the statements of one self-assessment, one dimension at a time. */
export default function AssessmentPage() {
  return (
    <RequireSignIn>
      <AssessmentLoader />
    </RequireSignIn>
  );
}

function AssessmentLoader() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me } = useSession();
  const { state, retry } = useResource(`assessment|${id}|${me?.user.id ?? ''}`, (signal) =>
    fetchMyAssessment(id, signal),
  );
  if (state.status === 'ready') return <RatingScreen key={id} assessment={state.data} />;
  return (
    <Page
      title={
        state.status === 'missing' ? t('assessments:rate.missingTitle') : t('assessments:rate.loadingTitle')
      }
    >
      {state.status === 'loading' ? <Skeleton lines={8} label={t('assessments:rate.loading')} /> : null}
      {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
      {state.status === 'missing' ? (
        <>
          <p>{t('assessments:rate.missing')}</p>
          <Link to={assessmentPaths.list}>{t('assessments:backToList')}</Link>
        </>
      ) : null}
    </Page>
  );
}

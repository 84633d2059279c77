import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useSession } from '@archipelago/ui';
import { api } from '../api';
import { LinkProblem } from '../account/LinkProblem';
import { RequestFailed } from '../account/RequestFailed';
import { useEmailLink } from '../account/useEmailLink';

type Outcome = 'verified' | 'gone' | 'failed';

async function verify(token: string): Promise<Outcome> {
  try {
    const { error, response } = await api.POST('/api/auth/verify-email', { body: { token } });
    if (!error) return 'verified';
    return [400, 404, 410].includes(response.status) ? 'gone' : 'failed';
  } catch {
    return 'failed';
  }
}

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { token, outcome } = useEmailLink('verify', verify, 'verified', t('verify.done'));

  const retryTo = me ? '/account' : '/sign-in?next=%2Faccount';
  if (!token || outcome === 'gone') {
    return <LinkProblem title={t('verify.title')} retryTo={retryTo} retryLabel={t('verify.getNew')} />;
  }
  return (
    <Page title={t('verify.title')}>
      {outcome === undefined ? <Skeleton lines={2} label={t('verify.checking')} /> : null}
      {outcome === 'verified' ? (
        <>
          <Alert title={t('verify.doneTitle')} tone="info">
            <p>{t('verify.done')}</p>
          </Alert>
          <p>
            <Link to={me ? '/account' : '/sign-in'}>{me ? t('verify.toAccount') : t('verify.signIn')}</Link>
          </p>
        </>
      ) : null}
      {outcome === 'failed' ? <RequestFailed /> : null}
    </Page>
  );
}

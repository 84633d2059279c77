import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useSession } from '@archipelago/ui';
import { api } from '../api';
import { LinkProblem } from '../account/LinkProblem';
import { RequestFailed } from '../account/RequestFailed';
import { useEmailLink } from '../account/useEmailLink';

type Outcome = 'changed' | 'gone' | 'taken' | 'failed';

async function confirm(token: string): Promise<Outcome> {
  try {
    const { error, response } = await api.POST('/api/auth/confirm-email-change', { body: { token } });
    if (!error) return 'changed';
    if (response.status === 409) return 'taken';
    return [400, 404, 410].includes(response.status) ? 'gone' : 'failed';
  } catch {
    return 'failed';
  }
}

export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { token, outcome } = useEmailLink('confirm-email', confirm, 'changed', t('confirmEmail.done'));

  const retryTo = me ? '/account/security' : '/sign-in?next=%2Faccount%2Fsecurity';
  if (!token || outcome === 'gone') {
    return (
      <LinkProblem title={t('confirmEmail.title')} retryTo={retryTo} retryLabel={t('confirmEmail.getNew')} />
    );
  }
  return (
    <Page title={t('confirmEmail.title')}>
      {outcome === undefined ? <Skeleton lines={2} label={t('confirmEmail.checking')} /> : null}
      {outcome === 'changed' ? (
        <>
          <Alert title={t('confirmEmail.doneTitle')} tone="info">
            <p>{t('confirmEmail.done')}</p>
          </Alert>
          <p>
            <Link to={me ? '/account/security' : '/sign-in'}>
              {me ? t('confirmEmail.toSecurity') : t('confirmEmail.signIn')}
            </Link>
          </p>
        </>
      ) : null}
      {outcome === 'taken' ? (
        <Alert title={t('confirmEmail.takenTitle')}>
          <p>{t('confirmEmail.taken')}</p>
        </Alert>
      ) : null}
      {outcome === 'failed' ? <RequestFailed /> : null}
    </Page>
  );
}

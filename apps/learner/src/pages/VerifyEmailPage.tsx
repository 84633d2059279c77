import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useAnnounce, useSession } from '@archipelago/ui';
import { api } from '../api';
import { LinkProblem } from '../account/LinkProblem';
import { useOneShot } from '../account/one-shot';

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
  const { me, refresh } = useSession();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const token = params.get('token');
  const outcome = useOneShot(token ? `verify:${token}` : null, () => verify(token ?? ''));

  useEffect(() => {
    if (outcome !== 'verified') return;
    announce(t('verify.done'));
    void refresh();
  }, [outcome, announce, refresh, t]);

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
      {outcome === 'failed' ? (
        <Alert title={t('forms.failedTitle')}>
          <p>{t('forms.failed')}</p>
        </Alert>
      ) : null}
    </Page>
  );
}

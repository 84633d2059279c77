import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '@archipelago/api-client';
import { Alert, Button, Skeleton, useSession } from '@archipelago/ui';
import { NoPageAccessPage, NoStudioAccessPage } from './NoAccessPage';
import { signInPath } from './nextPath';

/**
 * Wraps every Studio page but sign-in: signed-out people go to sign in (and come back here after),
 * signed-in learners are told the Studio is not for them.
 */
export function RequireStaff() {
  const { t } = useTranslation();
  const { state, isStaff, refresh } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <Skeleton lines={6} label={t('access.checking')} />;
  if (state.status === 'unknown') {
    return (
      <Alert title={t('access.unreachable.title')}>
        <p>{t('access.unreachable.body')}</p>
        <Button onClick={() => void refresh()}>{t('access.unreachable.retry')}</Button>
      </Alert>
    );
  }
  if (state.status === 'signed-out') {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return isStaff ? <Outlet /> : <NoStudioAccessPage />;
}

/** Shows the page only to those `allow` accepts; RequireStaff has already ensured someone is signed in. */
export function RequireAccess({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const { me } = useSession();
  return me && allow(me) ? children : <NoPageAccessPage />;
}

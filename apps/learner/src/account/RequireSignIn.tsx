import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Skeleton, useSession } from '@archipelago/ui';
import { signInPath } from './next-path';

/** Shows its children to a signed-in person; anyone else goes to sign in and comes back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Skeleton lines={4} label={t('account.loading')} />;
  if (state.status !== 'signed-in') {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return <>{children}</>;
}

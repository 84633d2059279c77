import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@archipelago/ui';
import { RequireSignIn } from './RequireSignIn';

/** A signed-in account page: the page heading, then links between the three account sections. */
export function AccountLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <Page title={title}>
        <nav aria-label={t('account.sections')} className="arch-actions">
          <NavLink to="/account" end>
            {t('account.profileTitle')}
          </NavLink>
          <NavLink to="/account/privacy">{t('account.privacyTitle')}</NavLink>
          <NavLink to="/account/security">{t('account.securityTitle')}</NavLink>
        </nav>
        {children}
      </Page>
    </RequireSignIn>
  );
}

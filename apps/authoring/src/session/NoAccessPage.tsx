import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, TextLink, useSession } from '@archipelago/ui';

/** A signed-in learner in the Studio: say so plainly and point to the learning site. */
export function NoStudioAccessPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Page title={t('access.noStudio.title')}>
      <p>{t('access.noStudio.body', { name: me?.user.displayName, email: me?.user.email })}</p>
      <p>
        {/* A full page load: the learning site is another app, outside the Studio's router. */}
        <TextLink href="/">{t('access.noStudio.learnerLink')}</TextLink>
      </p>
    </Page>
  );
}

/** Staff on a page meant for another role, e.g. a trainer on the audit log. */
export function NoPageAccessPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('access.noPage.title')}>
      <p>{t('access.noPage.body')}</p>
      <p>
        <Link to="/">{t('access.noPage.homeLink')}</Link>
      </p>
    </Page>
  );
}

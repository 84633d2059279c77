import { NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce, useSession } from '@archipelago/ui';
import { canAuthor, canManagePeople, isPlatformAdmin } from '../session/access';

/** The main navigation's items: only the pages this person may use, then who they are and "Sign out". */
export function StudioNav() {
  const { t } = useTranslation();
  const { me, isStaff, signOut } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();

  const onSignOut = async () => {
    await signOut();
    announce(t('nav.signedOut'));
    await navigate('/sign-in');
  };

  if (!me) {
    return (
      <li>
        <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
      </li>
    );
  }

  const links: { to: string; label: string }[] = [];
  if (isStaff) links.push({ to: '/', label: t('nav.home') });
  if (canAuthor(me)) links.push({ to: '/courses', label: t('nav.courses') });
  // Cohorts: administrators manage them; trainers see the ones they facilitate (the API narrows).
  if (canAuthor(me)) links.push({ to: '/cohorts', label: t('nav.cohorts') });
  if (canManagePeople(me)) {
    links.push(
      { to: '/users', label: t('nav.users') },
      { to: '/institutions', label: t('nav.institutions') },
    );
  }
  // Reports: platform admins see everything, institution admins their institutions (the API narrows).
  if (canManagePeople(me)) links.push({ to: '/reports', label: t('nav.reports') });
  // Capability self-assessments: platform admins and the admins of the institutions that run them.
  if (canManagePeople(me)) links.push({ to: '/assessments', label: t('nav.assessments') });
  if (isPlatformAdmin(me)) {
    links.push(
      { to: '/outbox', label: t('nav.outbox') },
      { to: '/audit', label: t('nav.audit') },
      { to: '/settings', label: t('nav.settings') },
    );
  }

  return (
    <>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink to={link.to} end={link.to === '/'}>
            {link.label}
          </NavLink>
        </li>
      ))}
      <li className="studio-nav__person">
        <span>{t('nav.signedInAs', { name: me.user.displayName })}</span>{' '}
        <Button variant="secondary" onClick={() => void onSignOut()}>
          {t('nav.signOut')}
        </Button>
      </li>
    </>
  );
}

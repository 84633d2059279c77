import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce, useSession } from '@archipelago/ui';
import { signInPath } from '../account/next-path';

// Pages where "Sign in" would only lead back to where the person already is.
const NO_RETURN = new Set(['/sign-in', '/sign-up', '/forgot-password', '/reset-password']);

/** The navigation items that depend on who is signed in: <li> elements for the shell's list. */
export function AccountNav() {
  const { t } = useTranslation();
  const { state, me, isStaff, signOut } = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const location = useLocation();

  // While the session is being read, showing "Sign in" to a signed-in person would be wrong.
  if (state.status === 'loading') return null;

  if (!me) {
    const here = `${location.pathname}${location.search}`;
    return (
      <li>
        <Link to={NO_RETURN.has(location.pathname) ? '/sign-in' : signInPath(here)}>{t('nav.signIn')}</Link>
      </li>
    );
  }

  const onSignOut = async () => {
    await signOut();
    announce(t('nav.signedOut'));
    navigate('/');
  };

  return (
    <>
      <li>
        <NavLink to="/learning">{t('nav.learning')}</NavLink>
      </li>
      <li>
        <NavLink to="/assessments">{t('nav.assessments')}</NavLink>
      </li>
      <li>
        <span className="arch-visually-hidden">{t('nav.signedInAs')} </span>
        {me.user.displayName}
      </li>
      <li>
        <NavLink to="/account">{t('nav.account')}</NavLink>
      </li>
      {isStaff ? (
        <li>
          <a href="/studio/">{t('nav.studio')}</a>
        </li>
      ) : null}
      <li>
        <Button variant="secondary" onClick={() => void onSignOut()}>
          {t('nav.signOut')}
        </Button>
      </li>
    </>
  );
}

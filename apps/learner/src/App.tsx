import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, RouteFrame, SessionProvider } from '@archipelago/ui';
import { api } from './api';
import { HomePage, NotFoundRoute } from './routes';

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <RouteFrame
      pathname={pathname}
      homeHref="/"
      onError={(error) => reportClientError(api, 'learner', error, pathname)}
    >
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </RouteFrame>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <SessionProvider api={api}>
      <BrowserRouter>
        <AppShell
          brand={<Link to="/">{t('appName')}</Link>}
          navItems={
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
          }
        >
          <AppRoutes />
        </AppShell>
      </BrowserRouter>
    </SessionProvider>
  );
}

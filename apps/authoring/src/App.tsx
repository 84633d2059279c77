import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, RouteFrame, SessionProvider } from '@archipelago/ui';
import { api } from './api';
import { NotFoundRoute, StudioHomePage } from './routes';

// Must match `base` in vite.config.ts: the API serves this app under /studio/.
const BASENAME = '/studio';

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <RouteFrame
      pathname={pathname}
      homeHref={`${BASENAME}/`}
      onError={(error) => reportClientError(api, 'authoring', error, pathname)}
    >
      <Routes>
        <Route path="/" element={<StudioHomePage />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </RouteFrame>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <SessionProvider api={api}>
      <BrowserRouter basename={BASENAME}>
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

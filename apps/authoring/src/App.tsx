import { Suspense } from 'react';
import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, ErrorBoundary, ErrorPage, Skeleton } from '@archipelago/ui';
import { api } from './api';
import { NotFoundRoute, StudioHomePage } from './routes';

// Must match `base` in vite.config.ts: the API serves this app under /studio/.
const BASENAME = '/studio';

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    // After an error, following any link gives the new page a fresh start.
    <ErrorBoundary
      resetKey={pathname}
      onError={(error) => reportClientError(api, 'authoring', error, pathname)}
      fallback={<ErrorPage homeHref={`${BASENAME}/`} />}
    >
      <Suspense fallback={<Skeleton lines={6} />}>
        <Routes>
          <Route path="/" element={<StudioHomePage />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
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
  );
}

import { Suspense } from 'react';
import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, ErrorBoundary, ErrorPage, Skeleton } from '@archipelago/ui';
import { api } from './api';
import { HomePage, NotFoundRoute } from './routes';

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    // After an error, following any link gives the new page a fresh start.
    <ErrorBoundary
      resetKey={pathname}
      onError={(error) => reportClientError(api, 'learner', error, pathname)}
      fallback={<ErrorPage homeHref="/" />}
    >
      <Suspense fallback={<Skeleton lines={6} />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
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
  );
}

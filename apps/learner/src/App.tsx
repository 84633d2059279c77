import { Suspense } from 'react';
import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppShell, ErrorBoundary, ErrorPage, Skeleton } from '@archipelago/ui';
import { HomePage, NotFoundRoute } from './routes';

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    // Keyed by path so that after an error, following any link renders the new page afresh.
    <ErrorBoundary key={pathname} fallback={<ErrorPage homeHref="/" />}>
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

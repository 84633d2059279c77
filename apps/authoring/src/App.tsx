import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, LiveRegionProvider, RouteFrame, SessionProvider } from '@archipelago/ui';
import { api } from './api';
import { isPlatformAdmin } from './session/access';
import { RequireAccess, RequireStaff } from './session/RequireStaff';
import { StudioNav } from './shell/StudioNav';
import {
  AuditLogPage,
  NotFoundRoute,
  OutboxMessagePage,
  OutboxPage,
  SignInPage,
  StudioHomePage,
} from './routes';

// Must match `base` in vite.config.ts: the API serves this app under /studio/.
const BASENAME = '/studio';

function AppRoutes() {
  const { pathname } = useLocation();
  const admin = (page: React.ReactNode) => <RequireAccess allow={isPlatformAdmin}>{page}</RequireAccess>;
  return (
    <RouteFrame
      pathname={pathname}
      homeHref={`${BASENAME}/`}
      onError={(error) => reportClientError(api, 'authoring', error, pathname)}
    >
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<RequireStaff />}>
          <Route path="/" element={<StudioHomePage />} />
          <Route path="/outbox" element={admin(<OutboxPage />)} />
          <Route path="/outbox/:messageId" element={admin(<OutboxMessagePage />)} />
          <Route path="/audit" element={admin(<AuditLogPage />)} />
        </Route>
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </RouteFrame>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <LiveRegionProvider>
      <SessionProvider api={api}>
        <BrowserRouter basename={BASENAME}>
          <AppShell brand={<Link to="/">{t('appName')}</Link>} navItems={<StudioNav />}>
            <AppRoutes />
          </AppShell>
        </BrowserRouter>
      </SessionProvider>
    </LiveRegionProvider>
  );
}

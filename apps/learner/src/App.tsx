import { BrowserRouter, Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, LiveRegionProvider, RouteFrame, SessionProvider } from '@archipelago/ui';
import { api } from './api';
import * as pages from './routes';
import { PendingWrites } from './learning/PendingWrites';
import { AccountNav } from './shell/AccountNav';

function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <RouteFrame
      pathname={pathname}
      homeHref="/"
      onError={(error) => reportClientError(api, 'learner', error, pathname)}
    >
      <Routes>
        <Route path="/" element={<pages.HomePage />} />
        <Route path="/sign-in" element={<pages.SignInPage />} />
        <Route path="/sign-up" element={<pages.SignUpPage />} />
        <Route path="/verify-email" element={<pages.VerifyEmailPage />} />
        <Route path="/forgot-password" element={<pages.ForgotPasswordPage />} />
        <Route path="/reset-password" element={<pages.ResetPasswordPage />} />
        <Route path="/confirm-email" element={<pages.ConfirmEmailPage />} />
        <Route path="/invitations/accept" element={<pages.AcceptInvitationPage />} />
        <Route path="/account" element={<pages.AccountProfilePage />} />
        <Route path="/account/privacy" element={<pages.AccountPrivacyPage />} />
        <Route path="/account/security" element={<pages.AccountSecurityPage />} />
        <Route path="/courses" element={<pages.CataloguePage />} />
        <Route path="/courses/:slug" element={<pages.CoursePage />} />
        <Route path="/learning" element={<pages.MyLearningPage />} />
        <Route path="/learning/certificates" element={<pages.MyCertificatesPage />} />
        <Route path="/verify/:code" element={<pages.VerifyCertificatePage />} />
        <Route path="/learn/:slug" element={<pages.LearnCoursePage />} />
        <Route path="/learn/:slug/:activityId" element={<pages.LessonPage />} />
        <Route path="/learn/:slug/:activityId/attempts/:attemptId" element={<pages.QuizAttemptPage />} />
        <Route path="/assessments" element={<pages.AssessmentsPage />} />
        <Route path="/assessments/:id" element={<pages.AssessmentPage />} />
        <Route path="/assessments/:id/results" element={<pages.AssessmentResultsPage />} />
        <Route path="*" element={<pages.NotFoundRoute />} />
      </Routes>
    </RouteFrame>
  );
}

export function App() {
  const { t } = useTranslation();
  // One live region for the whole app: the reader's, the quiz clock's and every other announcement.
  return (
    <LiveRegionProvider>
      <SessionProvider api={api}>
        <PendingWrites />
        <BrowserRouter>
          <AppShell
            brand={<Link to="/">{t('appName')}</Link>}
            navItems={
              <>
                <li>
                  <NavLink to="/" end>
                    {t('nav.home')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/courses">{t('nav.courses')}</NavLink>
                </li>
                <AccountNav />
              </>
            }
          >
            <AppRoutes />
          </AppShell>
        </BrowserRouter>
      </SessionProvider>
    </LiveRegionProvider>
  );
}

import type { ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportClientError } from '@archipelago/api-client';
import { AppShell, LiveRegionProvider, RouteFrame, SessionProvider } from '@archipelago/ui';
import { api } from './api';
import { canAuthor, canManagePeople, isPlatformAdmin } from './session/access';
import { RequireAccess, RequireStaff } from './session/RequireStaff';
import { StudioNav } from './shell/StudioNav';
import {
  AttemptReviewPage,
  AuditLogPage,
  CertificatesAdminPage,
  CertificateTemplatePage,
  CohortImportPage,
  CohortPage,
  CohortsPage,
  CohortProgressPage,
  CoursePage,
  CoursesPage,
  DgcaActionPlanPage,
  DgcaAssessmentPage,
  DgcaAssessmentsPage,
  DgcaFrameworkPage,
  DgcaFrameworksPage,
  DgcaNewAssessmentPage,
  DgcaVersionEditorPage,
  DgcaConsensusPage,
  DgcaRegionalPage,
  DgcaResultsPage,
  InstitutionPage,
  InstitutionsPage,
  LessonEditorPage,
  NewCohortPage,
  NewCoursePage,
  NewInstitutionPage,
  NewQuestionPage,
  NotFoundRoute,
  OutboxMessagePage,
  OutboxPage,
  QuestionBankPage,
  QuestionPage,
  QuizAnalysisPage,
  QuizEditorPage,
  QuizResultsPage,
  ReportsPage,
  ScormActivityPage,
  ScormLearnerPage,
  ScormLearnersPage,
  SettingsPage,
  SignInPage,
  StudioHomePage,
  UserPage,
  UsersPage,
} from './routes';

// Must match `base` in vite.config.ts: the API serves this app under /studio/.
const BASENAME = '/studio';

function AppRoutes() {
  const { pathname } = useLocation();
  const admin = (page: ReactNode) => <RequireAccess allow={isPlatformAdmin}>{page}</RequireAccess>;
  const people = (page: ReactNode) => <RequireAccess allow={canManagePeople}>{page}</RequireAccess>;
  const authors = (page: ReactNode) => <RequireAccess allow={canAuthor}>{page}</RequireAccess>;
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
          <Route path="/courses" element={authors(<CoursesPage />)} />
          <Route path="/courses/new" element={authors(<NewCoursePage />)} />
          <Route path="/courses/:courseId" element={authors(<CoursePage />)} />
          <Route path="/courses/:courseId/certificate" element={authors(<CertificateTemplatePage />)} />
          <Route path="/courses/:courseId/certificates" element={people(<CertificatesAdminPage />)} />
          <Route path="/lessons/:activityId" element={authors(<LessonEditorPage />)} />
          <Route path="/courses/:courseId/questions" element={authors(<QuestionBankPage />)} />
          <Route path="/courses/:courseId/questions/new" element={authors(<NewQuestionPage />)} />
          <Route path="/questions/:questionId" element={authors(<QuestionPage />)} />
          <Route path="/quizzes/:activityId" element={authors(<QuizEditorPage />)} />
          <Route path="/quizzes/:activityId/results" element={authors(<QuizResultsPage />)} />
          <Route path="/quizzes/:activityId/analysis" element={authors(<QuizAnalysisPage />)} />
          <Route path="/quizzes/:activityId/attempts/:attemptId" element={authors(<AttemptReviewPage />)} />
          <Route path="/scorm/:activityId" element={authors(<ScormActivityPage />)} />
          <Route path="/scorm/:activityId/learners" element={authors(<ScormLearnersPage />)} />
          <Route path="/scorm/:activityId/learners/:enrolmentId" element={authors(<ScormLearnerPage />)} />
          <Route path="/outbox" element={admin(<OutboxPage />)} />
          <Route path="/outbox/:messageId" element={admin(<OutboxMessagePage />)} />
          <Route path="/audit" element={admin(<AuditLogPage />)} />
          <Route path="/settings" element={admin(<SettingsPage />)} />
          <Route path="/users" element={people(<UsersPage />)} />
          <Route path="/users/:userId" element={people(<UserPage />)} />
          <Route path="/institutions" element={people(<InstitutionsPage />)} />
          <Route path="/institutions/new" element={admin(<NewInstitutionPage />)} />
          <Route path="/institutions/:institutionId" element={people(<InstitutionPage />)} />
          <Route path="/cohorts" element={authors(<CohortsPage />)} />
          <Route path="/cohorts/new" element={people(<NewCohortPage />)} />
          <Route path="/cohorts/:cohortId" element={authors(<CohortPage />)} />
          <Route path="/cohorts/:cohortId/import" element={people(<CohortImportPage />)} />
          <Route path="/cohorts/:cohortId/progress" element={authors(<CohortProgressPage />)} />
          <Route path="/reports" element={people(<ReportsPage />)} />
          <Route path="/assessments" element={people(<DgcaAssessmentsPage />)} />
          <Route path="/assessments/new" element={people(<DgcaNewAssessmentPage />)} />
          <Route path="/assessments/frameworks" element={people(<DgcaFrameworksPage />)} />
          <Route path="/assessments/frameworks/:id" element={people(<DgcaFrameworkPage />)} />
          <Route
            path="/assessments/framework-versions/:versionId"
            element={people(<DgcaVersionEditorPage />)}
          />
          <Route path="/assessments/:id" element={people(<DgcaAssessmentPage />)} />
          <Route path="/assessments/regional" element={people(<DgcaRegionalPage />)} />
          <Route path="/assessments/:id/consensus" element={people(<DgcaConsensusPage />)} />
          <Route path="/assessments/:id/results" element={people(<DgcaResultsPage />)} />
          <Route path="/assessments/:id/actions" element={people(<DgcaActionPlanPage />)} />
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

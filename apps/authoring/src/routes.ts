import { lazy } from 'react';
import { withNamespaces } from './locales/namespaces';

// Each page is its own chunk so the first visit downloads only the page being shown.
const loadHome = () => import('./pages/StudioHomePage');
const loadSignIn = () => import('./pages/SignInPage');
const loadNotFound = () => import('./pages/NotFoundRoute');

export const StudioHomePage = lazy(loadHome);
export const SignInPage = lazy(loadSignIn);
export const NotFoundRoute = lazy(loadNotFound);
export const OutboxPage = lazy(() => import('./outbox/OutboxPage'));
export const OutboxMessagePage = lazy(() => import('./outbox/OutboxMessagePage'));
export const AuditLogPage = lazy(() => import('./audit/AuditLogPage'));
export const SettingsPage = lazy(() => import('./settings/SettingsPage'));
export const UsersPage = lazy(() => import('./users/UsersPage'));
export const UserPage = lazy(() => import('./users/UserPage'));
export const InstitutionsPage = lazy(() => import('./institutions/InstitutionsPage'));
export const NewInstitutionPage = lazy(() => import('./institutions/NewInstitutionPage'));
export const InstitutionPage = lazy(() => import('./institutions/InstitutionPage'));
export const LessonEditorPage = lazy(() => import('./lessons/LessonEditorPage'));
export const CoursesPage = lazy(() => import('./courses/CoursesPage'));
export const NewCoursePage = lazy(() => import('./courses/NewCoursePage'));
export const CoursePage = lazy(() => import('./courses/CoursePage'));
export const QuestionBankPage = lazy(() => import('./questions/QuestionBankPage'));
export const NewQuestionPage = lazy(() => import('./questions/NewQuestionPage'));
export const QuestionPage = lazy(() => import('./questions/QuestionPage'));
export const QuizEditorPage = lazy(() => import('./quizzes/QuizEditorPage'));
export const QuizResultsPage = lazy(() => import('./quizzes/results/QuizResultsPage'));
export const QuizAnalysisPage = lazy(() => import('./quizzes/results/QuizAnalysisPage'));
export const AttemptReviewPage = lazy(() => import('./quizzes/results/AttemptReviewPage'));
export const ScormActivityPage = lazy(() => import('./scorm/ScormActivityPage'));
export const ScormLearnersPage = lazy(() => import('./scorm/ScormLearnersPage'));
export const ScormLearnerPage = lazy(() => import('./scorm/ScormLearnerPage'));
export const CertificateTemplatePage = lazy(() => import('./certificates/CertificateTemplatePage'));
export const CertificatesAdminPage = lazy(() => import('./certificates/CertificatesAdminPage'));
export const CohortsPage = lazy(withNamespaces(['cohorts'], () => import('./cohorts/CohortsPage')));
export const NewCohortPage = lazy(withNamespaces(['cohorts'], () => import('./cohorts/NewCohortPage')));
export const CohortPage = lazy(withNamespaces(['cohorts'], () => import('./cohorts/CohortPage')));
export const CohortImportPage = lazy(
  withNamespaces(['cohorts'], () => import('./cohorts/import/ImportPage')),
);
export const CohortProgressPage = lazy(
  withNamespaces(['cohortProgress'], () => import('./cohorts/progress/CohortProgressPage')),
);
export const ReportsPage = lazy(withNamespaces(['reports'], () => import('./reports/ReportsPage')));
export const DgcaAssessmentsPage = lazy(
  withNamespaces(['dgca'], () => import('./dgca/assessments/AssessmentsPage')),
);
export const DgcaNewAssessmentPage = lazy(
  withNamespaces(['dgca'], () => import('./dgca/assessments/NewAssessmentPage')),
);
export const DgcaAssessmentPage = lazy(
  withNamespaces(['dgca'], () => import('./dgca/assessments/AssessmentPage')),
);
export const DgcaFrameworksPage = lazy(
  withNamespaces(['dgca'], () => import('./dgca/frameworks/FrameworksPage')),
);
export const DgcaFrameworkPage = lazy(
  withNamespaces(['dgca'], () => import('./dgca/frameworks/FrameworkPage')),
);
export const DgcaVersionEditorPage = lazy(
  withNamespaces(['dgca'], () => import('./dgca/frameworks/VersionEditorPage')),
);
export const DgcaConsensusPage = lazy(
  withNamespaces(['dgcaResults'], () => import('./dgca/consensus/ConsensusPage')),
);
export const DgcaResultsPage = lazy(
  withNamespaces(['dgcaResults'], () => import('./dgca/results/ResultsPage')),
);
export const DgcaRegionalPage = lazy(
  withNamespaces(['dgcaResults'], () => import('./dgca/results/RegionalPage')),
);
export const DgcaActionPlanPage = lazy(
  withNamespaces(['dgcaActions'], () => import('./dgca/actions/ActionPlanPage')),
);

/** `pathname` is the full browser path, including the /studio base. */
export function preloadRoute(pathname: string): void {
  const path = pathname.replace(/^\/studio/, '') || '/';
  const load = path === '/' ? loadHome : path === '/sign-in' ? loadSignIn : undefined;
  // A failed preload is harmless: React.lazy retries the import and the error boundary reports it.
  load?.().catch(() => undefined);
}

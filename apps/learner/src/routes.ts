import { lazy } from 'react';
import { prefetchActivity } from './learning/prefetch';
import { withNamespaces } from './locales/namespaces';

// Each page is its own chunk so the first visit downloads only the page being shown.
const loaders = {
  '/': () => import('./pages/HomePage'),
  '/sign-in': () => import('./pages/SignInPage'),
  '/sign-up': () => import('./pages/SignUpPage'),
  '/verify-email': () => import('./pages/VerifyEmailPage'),
  '/forgot-password': () => import('./pages/ForgotPasswordPage'),
  '/reset-password': () => import('./pages/ResetPasswordPage'),
  '/confirm-email': () => import('./pages/ConfirmEmailPage'),
  '/invitations/accept': () => import('./pages/AcceptInvitationPage'),
  '/account': () => import('./pages/AccountProfilePage'),
  '/account/privacy': () => import('./pages/AccountPrivacyPage'),
  '/account/security': () => import('./pages/AccountSecurityPage'),
  '/courses': () => import('./pages/CataloguePage'),
  '/learning': () => import('./pages/MyLearningPage'),
  '/learning/certificates': withNamespaces(['certificates'], () => import('./pages/MyCertificatesPage')),
  '/assessments': withNamespaces(['assessments'], () => import('./assessments/AssessmentsPage')),
} as const;
const loadCourse = () => import('./pages/CoursePage');
const loadLearnCourse = () => import('./pages/LearnCoursePage');
const loadLesson = () => import('./pages/LessonPage');
const loadQuizAttempt = withNamespaces(['quiz'], () => import('./pages/QuizAttemptPage'));
const loadVerifyCertificate = withNamespaces(['certificates'], () => import('./pages/VerifyCertificatePage'));
const loadAssessment = withNamespaces(['assessments'], () => import('./assessments/AssessmentPage'));
const loadAssessmentResults = withNamespaces(['assessments'], () => import('./assessments/ResultsPage'));
const loadNotFound = () => import('./pages/NotFoundRoute');

export const HomePage = lazy(loaders['/']);
export const SignInPage = lazy(loaders['/sign-in']);
export const SignUpPage = lazy(loaders['/sign-up']);
export const VerifyEmailPage = lazy(loaders['/verify-email']);
export const ForgotPasswordPage = lazy(loaders['/forgot-password']);
export const ResetPasswordPage = lazy(loaders['/reset-password']);
export const ConfirmEmailPage = lazy(loaders['/confirm-email']);
export const AcceptInvitationPage = lazy(loaders['/invitations/accept']);
export const AccountProfilePage = lazy(loaders['/account']);
export const AccountPrivacyPage = lazy(loaders['/account/privacy']);
export const AccountSecurityPage = lazy(loaders['/account/security']);
export const CataloguePage = lazy(loaders['/courses']);
export const CoursePage = lazy(loadCourse);
export const MyLearningPage = lazy(loaders['/learning']);
export const LearnCoursePage = lazy(loadLearnCourse);
export const LessonPage = lazy(loadLesson);
export const QuizAttemptPage = lazy(loadQuizAttempt);
export const MyCertificatesPage = lazy(loaders['/learning/certificates']);
export const VerifyCertificatePage = lazy(loadVerifyCertificate);
export const AssessmentsPage = lazy(loaders['/assessments']);
export const AssessmentPage = lazy(loadAssessment);
export const AssessmentResultsPage = lazy(loadAssessmentResults);
export const NotFoundRoute = lazy(loadNotFound);

function loaderFor(path: string) {
  if (path in loaders) return loaders[path as keyof typeof loaders];
  if (/^\/courses\/[^/]+$/.test(path)) return loadCourse;
  if (/^\/learn\/[^/]+$/.test(path)) return loadLearnCourse;
  if (/^\/learn\/[^/]+\/[^/]+$/.test(path)) return loadLesson;
  if (/^\/learn\/[^/]+\/[^/]+\/attempts\/[^/]+$/.test(path)) return loadQuizAttempt;
  if (/^\/verify\/[^/]+$/.test(path)) return loadVerifyCertificate;
  if (/^\/assessments\/[^/]+$/.test(path)) return loadAssessment;
  if (/^\/assessments\/[^/]+\/results$/.test(path)) return loadAssessmentResults;
  return loadNotFound;
}

export function preloadRoute(pathname: string): void {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const lesson = /^\/learn\/([^/]+)\/([^/]+)$/.exec(path);
  if (lesson) prefetchActivity(decodeURIComponent(lesson[1]!), decodeURIComponent(lesson[2]!));
  const load = loaderFor(path);
  // A failed preload is harmless: React.lazy retries the import and the error boundary reports it.
  load().catch(() => undefined);
}

import { Foundation1764426000000 } from './1764426000000-foundation.js';
import { Accounts1764430000000 } from './1764430000000-accounts.js';
import { AccountPrincipalView1764431000000 } from './1764431000000-account-principal-view.js';
import { Courses1764440000000 } from './1764440000000-courses.js';
import { CourseVersions1764450000000 } from './1764450000000-course-versions.js';
import { Learning1764460000000 } from './1764460000000-learning.js';
import { StoredFiles1764470000000 } from './1764470000000-stored-files.js';
import { PublishedActivityView1764480000000 } from './1764480000000-published-activity-view.js';
import { PrincipalChangeNotifications1764490000000 } from './1764490000000-principal-change-notifications.js';
import { Quizzes1764500000000 } from './1764500000000-quizzes.js';
import { QuizSlotRoomForAnswers1764510000000 } from './1764510000000-quiz-slot-room-for-answers.js';
import { ScormPackages1764520000000 } from './1764520000000-scorm-packages.js';
import { ScormAttempts1764530000000 } from './1764530000000-scorm-attempts.js';
import { CertificateTemplates1764540000000 } from './1764540000000-certificate-templates.js';
import { Certificates1764541000000 } from './1764541000000-certificates.js';
import { Cohorts1764550000000 } from './1764550000000-cohorts.js';
import { EnrolmentImports1764551000000 } from './1764551000000-enrolment-imports.js';
import { Reports1764552000000 } from './1764552000000-reports.js';
import { CertificateCohort1764553000000 } from './1764553000000-certificate-cohort.js';
import { CohortReminders1764554000000 } from './1764554000000-cohort-reminders.js';
import { Dgca1764560000000 } from './1764560000000-dgca.js';

/** Every migration, in order. Listed explicitly so that a bundled or ESM build never globs for them. */
export const migrations = [
  Foundation1764426000000,
  Accounts1764430000000,
  AccountPrincipalView1764431000000,
  Courses1764440000000,
  CourseVersions1764450000000,
  Learning1764460000000,
  StoredFiles1764470000000,
  PublishedActivityView1764480000000,
  PrincipalChangeNotifications1764490000000,
  Quizzes1764500000000,
  QuizSlotRoomForAnswers1764510000000,
  ScormPackages1764520000000,
  ScormAttempts1764530000000,
  CertificateTemplates1764540000000,
  Certificates1764541000000,
  Cohorts1764550000000,
  EnrolmentImports1764551000000,
  Reports1764552000000,
  CertificateCohort1764553000000,
  CohortReminders1764554000000,
  Dgca1764560000000,
];

import type { CertificateStatusSummary } from '../../certificates/issuing/certificate-status-summaries.service.js';
import type { EnrolmentProgressSummary } from '../../learning/progress-summaries.service.js';
import type { QuizResultSummary } from '../../quizzes/attempts/quiz-result-summaries.service.js';
import type { ScormCourseStatus } from '../../scorm/runtime/scorm-status-summaries.service.js';
import type { CourseProgress, LearnerStatus } from './cohort-progress.dto.js';
import { progressText } from './progress-strings.js';

export interface CohortFacts {
  /** YYYY-MM-DD */
  endsOn: string | null;
  courses: { id: string; title: string }[];
  deadlines: { courseId: string; moduleId: string; moduleTitle: string; dueOn: string }[];
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  language: string;
  active: boolean;
}

/** What the other modules said about one member, by course id. */
export interface MemberFacts {
  enrolments: Map<string, EnrolmentProgressSummary>;
  quizzes: Map<string, QuizResultSummary>;
  scorm: Map<string, ScormCourseStatus>;
  certificates: Map<string, CertificateStatusSummary>;
  certificateCourses: ReadonlySet<string>;
}

/** Why a learner is behind, kept apart from its wording so each reader gets it in their language. */
export type BehindCause =
  | { kind: 'deadline'; module: string; course: string; date: string; more: number }
  | { kind: 'ended'; date: string };

export interface Standing {
  member: Member;
  status: LearnerStatus;
  behind: BehindCause | null;
  progressPercent: number;
  lastActivityAt: Date | null;
  courses: CourseProgress[];
}

export function behindReason(cause: BehindCause | null, language: string): string | null {
  if (!cause) return null;
  if (cause.kind === 'ended') return progressText(language, 'behind.ended', { date: cause.date });
  return progressText(language, cause.more > 0 ? 'behind.deadlines' : 'behind.deadline', cause);
}

const QUIZ_KIND = 'quiz';
const SCORM_KIND = 'scorm';

/**
 * One member's standing in the cohort. Completed: every course of the cohort completed; not
 * started: nothing opened in any. Behind (unless completed): a deadline passed (`today` is after its
 * day) for a module they have not completed, or the cohort's last day passed.
 */
export function standingOf(member: Member, cohort: CohortFacts, facts: MemberFacts, today: string): Standing {
  const courses = cohort.courses.map((course) => courseProgress(course, facts));
  const enrolments = cohort.courses.flatMap((course) => facts.enrolments.get(course.id) ?? []);
  const completed =
    cohort.courses.length > 0 &&
    cohort.courses.every((course) => facts.enrolments.get(course.id)?.completedAt);
  const status: LearnerStatus = completed
    ? 'completed'
    : enrolments.some((enrolment) => enrolment.started)
      ? 'in_progress'
      : 'not_started';
  const lastActivityAt = enrolments.reduce<Date | null>(
    (latest, { lastActivityAt: at }) => (at && (!latest || at > latest) ? at : latest),
    null,
  );
  const percents = courses.map((course) => course.progressPercent);
  return {
    member,
    status,
    behind: completed ? null : behindCause(cohort, facts, today),
    progressPercent:
      percents.length === 0 ? 0 : Math.floor(percents.reduce((a, b) => a + b, 0) / percents.length),
    lastActivityAt,
    courses,
  };
}

function behindCause(cohort: CohortFacts, facts: MemberFacts, today: string): BehindCause | null {
  const titles = new Map(cohort.courses.map((course) => [course.id, course.title]));
  const missed = cohort.deadlines
    .filter((deadline) => deadline.dueOn < today && titles.has(deadline.courseId))
    .filter((deadline) => {
      const enrolment = facts.enrolments.get(deadline.courseId);
      if (!enrolment) return true;
      if (enrolment.completedAt || !enrolment.moduleIds.includes(deadline.moduleId)) return false;
      return !enrolment.completedModuleIds.includes(deadline.moduleId);
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const [first] = missed;
  if (first) {
    return {
      kind: 'deadline',
      module: first.moduleTitle,
      course: titles.get(first.courseId)!,
      date: first.dueOn,
      more: missed.length - 1,
    };
  }
  if (cohort.endsOn && cohort.endsOn < today) return { kind: 'ended', date: cohort.endsOn };
  return null;
}

function courseProgress(course: { id: string; title: string }, facts: MemberFacts): CourseProgress {
  const enrolment = facts.enrolments.get(course.id);
  const certificate = facts.certificates.get(course.id);
  const offered = facts.certificateCourses.has(course.id);
  const base = {
    courseId: course.id,
    title: course.title,
    certificate: certificate
      ? { status: certificate.status, code: certificate.code }
      : offered
        ? { status: 'none' as const, code: null }
        : null,
  };
  if (!enrolment) {
    return { ...base, enrolled: false, progressPercent: 0, completedAt: null, quiz: null, scorm: null };
  }
  const quizIds = enrolment.activityIdsByKind[QUIZ_KIND] ?? [];
  const quiz = facts.quizzes.get(course.id);
  return {
    ...base,
    enrolled: true,
    progressPercent: enrolment.progressPercent,
    completedAt: enrolment.completedAt?.toISOString() ?? null,
    quiz:
      quizIds.length === 0
        ? null
        : {
            attempted: (quiz?.attemptedQuizIds.length ?? 0) > 0,
            bestScorePercent: quiz?.bestScorePercent ?? null,
            passed: quizIds.every((id) => quiz?.passedQuizIds.includes(id)),
          },
    scorm:
      (enrolment.activityIdsByKind[SCORM_KIND] ?? []).length === 0
        ? null
        : { status: facts.scorm.get(course.id) ?? 'not_attempted' },
  };
}

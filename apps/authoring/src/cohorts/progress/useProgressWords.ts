import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { CourseProgress, LearnerProgress } from './progressTypes';

/** Statuses, percentages and dates of the dashboard in the reader's words. */
export function useProgressWords() {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = (value: number) =>
    format.number(value / 100, { style: 'percent', maximumFractionDigits: 0 });
  return {
    percent,
    number: (value: number) => format.number(value),
    status: (learner: LearnerProgress) => t(`cohortProgress:statuses.${learner.status}`),
    lastActivity: (learner: LearnerProgress) =>
      learner.lastActivityAt
        ? format.date(learner.lastActivityAt, { dateStyle: 'medium', timeStyle: 'short' })
        : t('cohortProgress:table.noActivity'),
    quiz(course: CourseProgress): string {
      const quiz = course.quiz;
      if (!quiz) return t('cohortProgress:course.noQuiz');
      if (!quiz.attempted) return t('cohortProgress:course.quizNotAttempted');
      if (quiz.bestScorePercent === null) return t('cohortProgress:course.quizAwaitingGrade');
      return t(quiz.passed ? 'cohortProgress:course.quizPassed' : 'cohortProgress:course.quizNotPassed', {
        score: percent(quiz.bestScorePercent),
      });
    },
    scorm: (course: CourseProgress) =>
      course.scorm ? t(`cohortProgress:scorm.${course.scorm.status}`) : t('cohortProgress:course.noScorm'),
    certificate: (course: CourseProgress) =>
      t(`cohortProgress:certificate.${course.certificate?.status ?? 'none'}`),
  };
}

import { useTranslation } from 'react-i18next';
import { TextLink } from '@archipelago/ui';
import type { LearnerProgress } from './progressTypes';
import { useProgressWords } from './useProgressWords';

/** Where the public verification page of a certificate is (the learner app, at the site's root). */
const verifyUrl = (code: string) => `/verify/${encodeURIComponent(code)}`;

/** One learner's standing in each course of the cohort: progress, quiz, SCORM and certificate. */
export function CourseProgressList({ learner }: { learner: LearnerProgress }) {
  const { t } = useTranslation();
  const words = useProgressWords();
  if (learner.courses.length === 0) return <>{t('cohortProgress:course.none')}</>;
  return (
    <ul className="studio-plain-list cohort-progress-courses">
      {learner.courses.map((course) => (
        <li key={course.courseId}>
          <strong>{course.title}</strong>
          {course.enrolled ? null : (
            <>
              <br />
              {t('cohortProgress:course.notEnrolled')}
            </>
          )}
          {course.enrolled ? (
            <dl className="cohort-progress-facts">
              <dt>{t('cohortProgress:course.progress')}</dt>
              <dd>
                {course.completedAt
                  ? t('cohortProgress:course.completedPercent', {
                      percent: words.percent(course.progressPercent),
                    })
                  : words.percent(course.progressPercent)}
              </dd>
              <dt>{t('cohortProgress:course.quiz')}</dt>
              <dd>{words.quiz(course)}</dd>
              {course.scorm ? (
                <>
                  <dt>{t('cohortProgress:course.scorm')}</dt>
                  <dd>{words.scorm(course)}</dd>
                </>
              ) : null}
              <dt>{t('cohortProgress:course.certificate')}</dt>
              <dd>
                {words.certificate(course)}
                {course.certificate?.status === 'issued' && course.certificate.code ? (
                  <>
                    {' '}
                    <TextLink
                      href={verifyUrl(course.certificate.code)}
                      aria-label={t('cohortProgress:course.verifyFor', {
                        name: learner.displayName,
                        course: course.title,
                      })}
                    >
                      {t('cohortProgress:course.verify')}
                    </TextLink>
                  </>
                ) : null}
              </dd>
            </dl>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

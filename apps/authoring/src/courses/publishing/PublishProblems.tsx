import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDetail } from '../courseTypes';
import { describeProblem, type PublishProblem } from './publishProblems';

export interface PublishProblemsProps {
  problems: PublishProblem[];
  course: CourseDetail;
}

/**
 * Why the course could not be published, like an error summary: it takes focus so screen readers
 * read the list, and each entry moves focus to the field, module or lesson to fix.
 */
export function PublishProblems({ problems, course }: PublishProblemsProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const goTo = (event: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };

  return (
    <div ref={ref} className="arch-error-summary" tabIndex={-1} aria-labelledby="publish-problems-heading">
      <h3 id="publish-problems-heading">{t('courses.publishing.problems.heading')}</h3>
      <ul>
        {problems.map((problem, index) => {
          const { text, targetId } = describeProblem(problem, course, t);
          return (
            // The same path can come twice (a lesson with two faults), so the position keys it.
            <li key={`${index}:${problem.path}`}>
              {targetId ? (
                <a href={`#${targetId}`} onClick={(event) => goTo(event, targetId)}>
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

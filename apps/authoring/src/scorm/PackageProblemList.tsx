import { useTranslation } from 'react-i18next';
import type { PackageProblem } from './scormTypes';
import { usePackageProblemText } from './usePackageProblemText';

/**
 * Errors first, then warnings, each in the trainer's language with where it is (item, resource,
 * manifest line, zip entry) and the package check's own English words folded away beneath.
 */
export function PackageProblemList({ problems }: { problems: PackageProblem[] }) {
  const { t } = useTranslation();
  const describe = usePackageProblemText();
  const ordered = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  return (
    <ul className="arch-status-list scorm-problems">
      {ordered.map((problem, index) => {
        const { message, places } = describe(problem);
        return (
          <li
            key={`${problem.code}:${index}`}
            className={problem.severity === 'error' ? 'arch-status arch-status--problem' : 'arch-status'}
          >
            <p className="scorm-problems__message">
              <strong>
                {t(problem.severity === 'error' ? 'scorm.problemError' : 'scorm.problemWarning')}
              </strong>{' '}
              {message}
            </p>
            {places.length > 0 ? <p className="scorm-problems__place">{places.join(' · ')}</p> : null}
            {problem.detail && problem.detail !== message ? (
              <details className="scorm-problems__detail">
                <summary>{t('scorm.problemDetail')}</summary>
                <p lang="en">{problem.detail}</p>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

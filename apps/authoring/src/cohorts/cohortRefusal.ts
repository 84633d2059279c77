import { useTranslation } from 'react-i18next';
import type { Problem } from '../data/problem';

/**
 * A refused cohort form as the page shows it: the refusals the API names by `code` are said in the
 * reader's language (the API words them in English), the others as they came.
 */
export function useCohortRefusal() {
  const { t } = useTranslation();
  return (problem: Problem | null, code: string | undefined): Problem | null => {
    if (!problem) return null;
    if (code === 'name-taken') {
      const message = t('cohorts:form.nameTaken');
      return {
        ...problem,
        detail: message,
        errors: problem.errors.map((error) => (error.field === 'name' ? { ...error, message } : error)),
      };
    }
    if (code === 'cohort-closed') return { ...problem, detail: t('cohorts:page.closedMeanwhile') };
    return problem;
  };
}

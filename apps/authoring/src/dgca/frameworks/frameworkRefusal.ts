import { useTranslation } from 'react-i18next';
import type { Problem } from '../../data/problem';

/** Refusals the framework routes name by `code`, said in the reader's language (the API words them in English). */
const EXPLAINED: Record<string, { key: string; field?: string }> = {
  'framework-name-taken': { key: 'dgca:frameworks.nameTaken', field: 'name' },
  'version-published': { key: 'dgca:editor.refused.published' },
  'framework-empty': { key: 'dgca:editor.refused.empty' },
  'draft-exists': { key: 'dgca:framework.refused.draftExists' },
};

/** A refused framework form as the page shows it; other problems as they came. */
export function useFrameworkRefusal() {
  const { t } = useTranslation();
  return (problem: Problem | null, code: string | undefined): Problem | null => {
    if (!problem || !code || !EXPLAINED[code]) return problem;
    const { key, field } = EXPLAINED[code];
    const message = t(key);
    return {
      ...problem,
      detail: message,
      errors: field
        ? problem.errors.map((error) => (error.field === field ? { ...error, message } : error))
        : problem.errors,
    };
  };
}

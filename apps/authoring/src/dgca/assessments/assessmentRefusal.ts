import { useTranslation } from 'react-i18next';
import type { Problem } from '../../data/problem';

/** Refusals the assessment routes name by `code`, in the reader's language; `field` takes the message too. */
const EXPLAINED: Record<string, { key: string; field?: string }> = {
  'assessment-completed': { key: 'dgca:refused.completed' },
  'round-closed': { key: 'dgca:refused.roundClosed' },
  'round-not-reached': { key: 'dgca:refused.roundNotReached' },
  'no-participants': { key: 'dgca:refused.noParticipants' },
  'not-draft': { key: 'dgca:refused.notDraft' },
  'version-not-published': { key: 'dgca:refused.versionNotPublished', field: 'versionId' },
};

/** A refused assessment form or action as the page shows it: known codes in the reader's words, others as they came. */
export function useAssessmentRefusal() {
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

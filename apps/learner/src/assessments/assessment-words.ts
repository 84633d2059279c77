import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { AssessmentStatus } from './assessments-api';

/** The words every assessment page shares: a status, a calendar day, what is being assessed. */
export function useAssessmentWords() {
  const { t } = useTranslation();
  const format = useFormatters();

  // Due dates are calendar days (YYYY-MM-DD): read and shown in UTC so no time zone moves the day.
  const day = useCallback(
    (value: string) => format.date(`${value}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
    [format],
  );
  const status = useCallback((value: AssessmentStatus) => t(`assessments:status.${value}`), [t]);
  /** "Saint Lucia" for a country assessment, the institution's name otherwise. */
  const subject = useCallback(
    (assessment: { subject: string; country: string | null }, institutionName?: string) =>
      assessment.subject === 'country' && assessment.country
        ? format.region(assessment.country)
        : (institutionName ?? t('assessments:subject.institution')),
    [format, t],
  );
  return { day, status, subject, format };
}

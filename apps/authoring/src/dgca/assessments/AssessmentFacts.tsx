import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { dayText } from '../../cohorts/cohortDates';
import type { AssessmentView } from './assessmentTypes';

/** A completed assessment's settings, final: shown instead of the form. */
export function AssessmentFacts({ assessment }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = (value: string | null) => (value ? dayText(format, value) : t('dgca:noDate'));
  return (
    <dl className="arch-facts">
      <dt>{t('dgca:form.description')}</dt>
      <dd>{assessment.description || t('dgca:none')}</dd>
      <dt>{t('dgca:form.startsOn')}</dt>
      <dd>{day(assessment.startsOn)}</dd>
      <dt>{t('dgca:form.individualDueOn')}</dt>
      <dd>{day(assessment.individualDueOn)}</dd>
      <dt>{t('dgca:form.consensusOn')}</dt>
      <dd>{day(assessment.consensusOn)}</dd>
      <dt>{t('dgca:form.previous')}</dt>
      <dd>
        {assessment.previous ? (
          <Link to={`/assessments/${assessment.previous.id}`}>{assessment.previous.title}</Link>
        ) : (
          t('dgca:none')
        )}
      </dd>
    </dl>
  );
}

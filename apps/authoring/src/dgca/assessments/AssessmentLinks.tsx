import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentView } from './assessmentTypes';

/**
 * The assessment's later stages, each on its own page: the consensus round, the capability
 * profile and the action plan exist from the consensus round on; before, the page says when.
 */
export function AssessmentLinks({ assessment }: { assessment: AssessmentView }) {
  const { t } = useTranslation();
  const reached = assessment.status === 'consensus' || assessment.status === 'completed';
  const base = `/assessments/${assessment.id}`;
  return (
    <nav aria-label={t('dgca:page.linksLabel')}>
      {reached ? (
        <ul className="dgca-links">
          <li>
            <Link to={`${base}/consensus`}>{t('dgca:page.consensusLink')}</Link>
          </li>
          <li>
            <Link to={`${base}/results`}>{t('dgca:page.resultsLink')}</Link>
          </li>
          <li>
            <Link to={`${base}/actions`}>{t('dgca:page.actionsLink')}</Link>
          </li>
        </ul>
      ) : (
        <p>{t('dgca:page.linksLater')}</p>
      )}
    </nav>
  );
}

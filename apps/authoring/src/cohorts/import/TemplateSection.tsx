import { useTranslation } from 'react-i18next';
import { isLanguage } from '@archipelago/ui';
import { templateUrl } from '../cohorts-api';

/** Step 1: the template, with its column headings in the reader's language. */
export function TemplateSection({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language = isLanguage(current) ? current : 'en';
  return (
    <section className="studio-section" aria-labelledby="import-template-heading">
      <h2 id="import-template-heading">{t('cohorts:import.template.title')}</h2>
      <p>{t('cohorts:import.template.intro')}</p>
      <ul>
        <li>{t('cohorts:import.template.required')}</li>
        <li>{t('cohorts:import.template.optional')}</li>
        <li>{t('cohorts:import.template.reporting')}</li>
      </ul>
      <p>
        <a href={templateUrl(cohortId, language)} download={t('cohorts:import.template.fileName')}>
          {t('cohorts:import.template.download')}
        </a>
      </p>
    </section>
  );
}

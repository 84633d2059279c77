import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, Page } from '@archipelago/ui';
import { InstitutionList } from '../institutions/InstitutionList';

const FEATURES = ['courses', 'quizzes', 'scorm', 'certificates'] as const;

export default function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')} documentTitle={t('home.documentTitle')}>
      <p className="arch-lead">{t('home.intro')}</p>
      <p>{t('home.how')}</p>
      <p>
        <Link to="/courses" className={buttonClassName()}>
          {t('home.browse')}
        </Link>
      </p>

      <h2>{t('home.features.title')}</h2>
      <ul className="arch-card-list">
        {FEATURES.map((feature) => (
          <li key={feature} className="arch-card">
            <h3>{t(`home.features.${feature}.title`)}</h3>
            <p>{t(`home.features.${feature}.body`)}</p>
          </li>
        ))}
      </ul>

      <h2>{t('home.audience.title')}</h2>
      <p>{t('home.audience.body')}</p>

      <InstitutionList />
    </Page>
  );
}

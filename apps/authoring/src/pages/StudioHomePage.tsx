import { useTranslation } from 'react-i18next';
import { Page } from '@archipelago/ui';
import { SystemStatusPanel } from '../status/SystemStatusPanel';

const TASKS = ['courses', 'quizzes', 'cohorts', 'certificates', 'assessments'] as const;

export default function StudioHomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')} documentTitle={t('home.documentTitle')}>
      <p className="arch-lead">{t('home.intro')}</p>

      <h2>{t('home.tasksTitle')}</h2>
      <ul>
        {TASKS.map((task) => (
          <li key={task}>{t(`home.tasks.${task}`)}</li>
        ))}
      </ul>
      <p>{t('home.comingSoon')}</p>

      <SystemStatusPanel />
    </Page>
  );
}

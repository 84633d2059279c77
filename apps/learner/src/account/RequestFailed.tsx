import { useTranslation } from 'react-i18next';
import { Alert } from '@archipelago/ui';

/** A request that failed for no reason the page can explain (server error, no connection). */
export function RequestFailed() {
  const { t } = useTranslation();
  return (
    <Alert title={t('forms.failedTitle')}>
      <p>{t('forms.failed')}</p>
    </Alert>
  );
}

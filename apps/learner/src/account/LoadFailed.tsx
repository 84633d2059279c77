import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@archipelago/ui';

/** Shown when a page's data could not be fetched, with a way to try again. */
export function LoadFailed({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert title={t('forms.loadFailedTitle')}>
      <p>{t('forms.offline')}</p>
      <Button onClick={retry}>{t('forms.retry')}</Button>
    </Alert>
  );
}

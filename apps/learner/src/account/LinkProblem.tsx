import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page } from '@archipelago/ui';

/** For a link from an e-mail that is incomplete, already used or expired: say so and offer a way on. */
export function LinkProblem({
  title,
  retryTo,
  retryLabel,
}: {
  title: string;
  retryTo: string;
  retryLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Alert title={t('links.goneTitle')}>
        <p>{t('links.goneBody')}</p>
      </Alert>
      <p>
        <Link to={retryTo}>{retryLabel ?? t('links.getNew')}</Link>
      </p>
    </Page>
  );
}

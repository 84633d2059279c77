import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ButtonLink } from './ButtonLink';
import { Page } from './Page';

export interface ErrorPageProps {
  /** Where "Go to the home page" leads; a full page load, since the app state may be broken. */
  homeHref: string;
}

export function ErrorPage({ homeHref }: ErrorPageProps) {
  const { t } = useTranslation('ui');
  return (
    <Page title={t('error.title')}>
      <p>{t('error.body')}</p>
      <div className="arch-actions">
        <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
        <ButtonLink variant="secondary" href={homeHref}>
          {t('error.home')}
        </ButtonLink>
      </div>
    </Page>
  );
}

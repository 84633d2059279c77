import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';

export interface NotFoundPageProps {
  /** Renders the link home with the given text; the app supplies its router's Link. */
  renderHomeLink: (label: string) => ReactNode;
}

export function NotFoundPage({ renderHomeLink }: NotFoundPageProps) {
  const { t } = useTranslation('ui');
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>{renderHomeLink(t('notFound.home'))}</p>
    </Page>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface PagerProps {
  page: number;
  pageCount: number;
  /** The address of another page of the same list. */
  hrefFor: (page: number) => string;
}

/** "Previous / Page 2 of 5 / Next" as plain links, so each page has its own address. */
export function Pager({ page, pageCount, hrefFor }: PagerProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('catalogue.pages')} className="arch-actions">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('catalogue.previous')}</Link> : null}
      <span>{t('catalogue.pageOf', { page, pages: pageCount })}</span>
      {page < pageCount ? <Link to={hrefFor(page + 1)}>{t('catalogue.next')}</Link> : null}
    </nav>
  );
}

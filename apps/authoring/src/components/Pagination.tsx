import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is being paged through, for the landmark's name, e.g. "Outbox pages". */
  label: string;
  /** The query parameter holding the page number, when a page has two paged lists. */
  param?: string;
}

/**
 * Previous/next links that keep the other filters in the URL, so a page of results can be
 * bookmarked, shared and reached with the Back button. Unavailable directions are plain text.
 */
export function Pagination({ page, pageSize, total, label, param = 'page' }: PaginationProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;

  const linkTo = (target: number) => {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete(param);
    else next.set(param, String(target));
    return { search: next.toString() };
  };
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);

  return (
    <nav className="studio-pagination" aria-label={label}>
      <p>
        {t('pagination.showing', {
          first: format.number(first),
          last: format.number(last),
          total: format.number(total),
        })}
      </p>
      {pages > 1 ? (
        <ul>
          <li>
            {page > 1 ? (
              <Link to={linkTo(page - 1)} rel="prev">
                {t('pagination.previous')}
              </Link>
            ) : null}
          </li>
          <li aria-current="page">
            {t('pagination.page', { page: format.number(page), pages: format.number(pages) })}
          </li>
          <li>
            {page < pages ? (
              <Link to={linkTo(page + 1)} rel="next">
                {t('pagination.next')}
              </Link>
            ) : null}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}

/** The page number in the URL (?page=), 1 when missing or nonsense. */
export function pageFromParams(params: URLSearchParams, param = 'page'): number {
  const page = Number(params.get(param));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

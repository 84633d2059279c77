import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, Page, Skeleton } from '@archipelago/ui';
import { CourseCard } from '../catalogue/CourseCard';
import { Pager } from '../catalogue/Pager';
import { PAGE_SIZE, useCatalogue } from '../catalogue/useCatalogue';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The catalogue of published courses; the search and page live in the URL so they can be shared. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('query')?.trim() ?? '';
  const page = pageFrom(params.get('page'));
  const { state, retry } = useCatalogue(query, page);
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('query') ?? '').trim();
    setParams(next ? { query: next } : {});
  };

  const hrefFor = (target: number) => {
    const next = new URLSearchParams();
    if (query) next.set('query', query);
    if (target > 1) next.set('page', String(target));
    const search = next.toString();
    return search ? `/courses?${search}` : '/courses';
  };

  return (
    <Page title={t('catalogue.title')}>
      <p className="arch-lead">{t('catalogue.intro')}</p>
      <form role="search" onSubmit={onSearch}>
        <FormField label={t('catalogue.searchLabel')} hint={t('catalogue.searchHint')}>
          <input
            className="arch-input"
            type="search"
            name="query"
            // Keyed on the URL's query so Back and Forward put the matching words in the box.
            key={query}
            defaultValue={query}
            maxLength={200}
          />
        </FormField>
        <Button type="submit">{t('catalogue.search')}</Button>
      </form>

      {state.status === 'loading' ? <Skeleton lines={4} label={t('catalogue.loading')} /> : null}
      {state.status === 'error' ? (
        <Alert title={t('catalogue.errorTitle')} headingLevel={2}>
          <p>{t('forms.offline')}</p>
          <Button onClick={retry}>{t('forms.retry')}</Button>
        </Alert>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p role="status">
            {query
              ? t('catalogue.foundFor', { number: state.page.total, query })
              : t('catalogue.found', { number: state.page.total })}
          </p>
          {state.page.items.length === 0 ? (
            <p>{query ? t('catalogue.noMatch') : t('catalogue.empty')}</p>
          ) : (
            <ul className="arch-card-list">
              {state.page.items.map((course) => (
                <CourseCard key={course.slug} course={course} />
              ))}
            </ul>
          )}
          <Pager page={page} pageCount={Math.ceil(state.page.total / PAGE_SIZE)} hrefFor={hrefFor} />
        </>
      ) : null}
    </Page>
  );
}

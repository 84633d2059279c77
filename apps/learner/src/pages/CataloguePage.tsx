import { useMemo, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, Page, Skeleton } from '@archipelago/ui';
import { CatalogueFilterPanel } from '../catalogue/CatalogueFilterPanel';
import {
  catalogueHref,
  filtersFrom,
  hasFilters,
  pageFrom,
  type CatalogueFilters,
} from '../catalogue/catalogue-filters';
import { CourseCard } from '../catalogue/CourseCard';
import { Pager } from '../catalogue/Pager';
import { PAGE_SIZE, useCatalogue } from '../catalogue/useCatalogue';
import { useFacets } from '../catalogue/useFacets';

/**
 * The catalogue of published courses. The search, filters and page live in the URL, so a list can
 * be shared as a link and Back and Forward step through the changes.
 */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // One object per address, so the list is fetched once per change, not once per render.
  const filters = useMemo(() => filtersFrom(params), [params]);
  const page = pageFrom(params);
  const facets = useFacets();
  const { state, retry } = useCatalogue(filters, page);
  const { query } = filters;
  const filtered = hasFilters(filters);

  // Any change to the search or filters starts again at page 1.
  const show = (next: CatalogueFilters) => void navigate(catalogueHref(next));
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    show({ ...filters, query: String(new FormData(event.currentTarget).get('query') ?? '').trim() });
  };

  const found = (total: number) => {
    if (filtered) {
      return query
        ? t('catalogue.filters.foundFor', { number: total, query })
        : t('catalogue.filters.found', { number: total });
    }
    return query
      ? t('catalogue.foundFor', { number: total, query })
      : t('catalogue.found', { number: total });
  };
  const nothing = filtered
    ? t('catalogue.filters.noMatch')
    : query
      ? t('catalogue.noMatch')
      : t('catalogue.empty');

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

      <CatalogueFilterPanel filters={filters} facets={facets} onChange={show} />

      {/* Always present, so screen readers announce each new count after a search or filter change. */}
      <p role="status">{state.status === 'ready' ? found(state.page.total) : ''}</p>
      {state.status === 'loading' ? <Skeleton lines={4} label={t('catalogue.loading')} /> : null}
      {state.status === 'error' ? (
        <Alert title={t('catalogue.errorTitle')} headingLevel={2}>
          <p>{t('forms.offline')}</p>
          <Button onClick={retry}>{t('forms.retry')}</Button>
        </Alert>
      ) : null}
      {state.status === 'ready' ? (
        <>
          {state.page.items.length === 0 ? (
            <p>{nothing}</p>
          ) : (
            <ul className="arch-card-list">
              {state.page.items.map((course) => (
                <CourseCard key={course.slug} course={course} />
              ))}
            </ul>
          )}
          <Pager
            page={page}
            pageCount={Math.ceil(state.page.total / PAGE_SIZE)}
            hrefFor={(target) => catalogueHref(filters, target)}
          />
        </>
      ) : null}
    </Page>
  );
}

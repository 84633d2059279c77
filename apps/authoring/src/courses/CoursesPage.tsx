import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormField, Page, buttonClassName, useFormatters } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { STATUSES, type CourseStatus, type CourseSummary } from './courseTypes';

const PAGE_SIZE = 20;
const isStatus = (value: string | null): value is CourseStatus => STATUSES.includes(value as CourseStatus);

/** The courses of the institutions where the caller writes courses, latest change first. */
export default function CoursesPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const query = params.get('query') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = pageFromParams(params);

  const { state, reload } = useApiData(params.toString(), (signal) =>
    api.GET('/api/studio/courses', {
      params: { query: { query: query || undefined, status, page, pageSize: PAGE_SIZE } },
      signal,
    }),
  );

  return (
    <Page title={t('courses.title')}>
      <p>{t('courses.intro')}</p>
      <p>
        <Link className={buttonClassName()} to="/courses/new">
          {t('courses.new')}
        </Link>
      </p>
      <FilterForm label={t('courses.filtersLabel')} names={['query', 'status']}>
        <FormField label={t('courses.filters.query')}>
          <input className="arch-input" name="query" type="search" spellCheck={false} defaultValue={query} />
        </FormField>
        <FormField label={t('courses.filters.status')}>
          <select className="arch-input" name="status" defaultValue={status ?? ''}>
            <option value="">{t('courses.filters.anyStatus')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`courses.status.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
      </FilterForm>
      <PagedTable<CourseSummary>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('courses.loading')}
        loadFailedTitle={t('courses.loadFailed')}
        empty={query || status ? t('courses.noneFound') : t('courses.none')}
        caption={t('courses.caption')}
        rowKey={(course) => course.id}
        paginationLabel={t('courses.pagination')}
        columns={[
          {
            key: 'title',
            header: t('courses.columns.title'),
            render: (course) => <Link to={`/courses/${course.id}`}>{course.title}</Link>,
          },
          {
            key: 'status',
            header: t('courses.columns.status'),
            render: (course) => (
              <span className={`studio-status studio-status--${course.status}`}>
                {t(`courses.status.${course.status}`)}
              </span>
            ),
          },
          {
            key: 'language',
            header: t('courses.columns.language'),
            render: (course) => t(`courses.languages.${course.language}`),
          },
          {
            key: 'updatedAt',
            header: t('courses.columns.updatedAt'),
            render: (course) => format.date(course.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          },
        ]}
      />
    </Page>
  );
}

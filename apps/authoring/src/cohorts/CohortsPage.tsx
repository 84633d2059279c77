import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormField, Page, buttonClassName, useFormatters, useSession } from '@archipelago/ui';
import { useApiData } from '../data/useApiData';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { isPlatformAdmin } from '../session/access';
import { listCohorts } from './cohorts-api';
import { canCreateCohorts } from './cohortAccess';
import { periodText } from './cohortDates';
import { COHORT_STATUSES, type CohortStatus, type CohortSummary } from './cohortTypes';
import './cohorts.css';

const PAGE_SIZE = 20;
const isStatus = (value: string | null): value is CohortStatus =>
  COHORT_STATUSES.includes(value as CohortStatus);

/** /cohorts — the cohorts this person manages or facilitates, with search and a status filter. */
export default function CohortsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { me } = useSession();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = pageFromParams(params);
  const creates = me ? canCreateCohorts(me) : false;
  // Several institutions' cohorts appear together only for platform admins and multi-institution staff.
  const showInstitution = me ? isPlatformAdmin(me) || me.memberships.length > 1 : false;

  const { state, reload } = useApiData(params.toString(), (signal) =>
    listCohorts({ q: q || undefined, status, page, pageSize: PAGE_SIZE }, signal),
  );

  const columns = [
    {
      key: 'name',
      header: t('cohorts:list.columns.name'),
      render: (c: CohortSummary) => <Link to={`/cohorts/${c.id}`}>{c.name}</Link>,
    },
    ...(showInstitution
      ? [
          {
            key: 'institution',
            header: t('cohorts:list.columns.institution'),
            render: (c: CohortSummary) => c.institution.name,
          },
        ]
      : []),
    {
      key: 'dates',
      header: t('cohorts:list.columns.dates'),
      render: (c: CohortSummary) => periodText(format, t, c.startsOn, c.endsOn) ?? t('cohorts:dates.none'),
    },
    {
      key: 'status',
      header: t('cohorts:list.columns.status'),
      render: (c: CohortSummary) => t(`cohorts:status.${c.status}`),
    },
    {
      key: 'courses',
      header: t('cohorts:list.columns.courses'),
      render: (c: CohortSummary) => format.number(c.courseCount),
    },
    {
      key: 'members',
      header: t('cohorts:list.columns.members'),
      render: (c: CohortSummary) => format.number(c.memberCount),
    },
    {
      key: 'invitees',
      header: t('cohorts:list.columns.invitees'),
      render: (c: CohortSummary) => format.number(c.inviteeCount),
    },
  ];

  return (
    <Page title={t('cohorts:list.title')}>
      <p>{t(creates ? 'cohorts:list.intro' : 'cohorts:list.introTrainer')}</p>
      {creates ? (
        <p>
          <Link className={buttonClassName()} to="/cohorts/new">
            {t('cohorts:list.new')}
          </Link>
        </p>
      ) : null}
      <FilterForm label={t('cohorts:list.filtersLabel')} names={['q', 'status']}>
        <FormField label={t('cohorts:list.filters.q')}>
          <input className="arch-input" name="q" type="search" spellCheck={false} defaultValue={q} />
        </FormField>
        <FormField label={t('cohorts:list.filters.status')}>
          <select className="arch-input" name="status" defaultValue={status ?? ''}>
            <option value="">{t('cohorts:list.filters.anyStatus')}</option>
            {COHORT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`cohorts:status.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
      </FilterForm>
      <PagedTable<CohortSummary>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('cohorts:list.loading')}
        loadFailedTitle={t('cohorts:list.loadFailed')}
        empty={q || status ? t('cohorts:list.noneFound') : t('cohorts:list.none')}
        caption={t('cohorts:list.caption')}
        rowKey={(c) => c.id}
        paginationLabel={t('cohorts:list.pagination')}
        columns={columns}
      />
    </Page>
  );
}

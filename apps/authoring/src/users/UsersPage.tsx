import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { FormField, Page, useSession } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { useInstitutionChoices } from './useInstitutionChoices';

const PAGE_SIZE = 20;
const STATUSES = ['active', 'deactivated', 'deleted'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string | null): value is Status => STATUSES.includes(value as Status);

type User = Schemas['UserView'];

/** Find people by name or e-mail, institution and account status. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  const query = params.get('query') ?? '';
  const institutionId = params.get('institutionId') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = pageFromParams(params);
  const institutions = useInstitutionChoices(me!);
  const { state, reload } = useApiData(params.toString(), (signal) =>
    api.GET('/api/users', {
      params: {
        query: {
          query: query || undefined,
          institutionId: institutionId || undefined,
          status,
          page,
          pageSize: PAGE_SIZE,
        },
      },
      signal,
    }),
  );

  return (
    <Page title={t('users.title')}>
      <p>{me?.user.isPlatformAdmin ? t('users.introPlatform') : t('users.introInstitution')}</p>
      <FilterForm label={t('users.filtersLabel')} names={['query', 'institutionId', 'status']}>
        <FormField label={t('users.filters.query')}>
          <input className="arch-input" name="query" type="search" spellCheck={false} defaultValue={query} />
        </FormField>
        <FormField label={t('users.filters.institution')}>
          <select className="arch-input" name="institutionId" defaultValue={institutionId}>
            <option value="">{t('users.filters.anyInstitution')}</option>
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('users.filters.status')}>
          <select className="arch-input" name="status" defaultValue={status ?? ''}>
            <option value="">{t('users.filters.anyStatus')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`accountStatus.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
      </FilterForm>

      <PagedTable<User>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('users.loading')}
        loadFailedTitle={t('users.loadFailed')}
        empty={t('users.none')}
        caption={t('users.caption')}
        rowKey={(user) => user.id}
        paginationLabel={t('users.pagination')}
        columns={[
          {
            key: 'name',
            header: t('users.columns.name'),
            render: (user) => <Link to={`/users/${user.id}`}>{user.displayName}</Link>,
          },
          { key: 'email', header: t('users.columns.email'), render: (user) => user.email },
          {
            key: 'status',
            header: t('users.columns.status'),
            render: (user) => t(`accountStatus.${user.status}`),
          },
          {
            key: 'memberships',
            header: t('users.columns.memberships'),
            render: (user) =>
              user.memberships.length === 0 ? (
                t('users.noMemberships')
              ) : (
                <ul className="studio-plain-list">
                  {user.memberships.map((m) => (
                    <li key={m.institutionId}>
                      {t('users.membership', {
                        institution: m.institutionName,
                        role: t(`roles.${m.role}`),
                      })}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'platformAdmin',
            header: t('users.columns.platformAdmin'),
            render: (user) => (user.isPlatformAdmin ? t('common.yes') : t('common.no')),
          },
        ]}
      />
    </Page>
  );
}

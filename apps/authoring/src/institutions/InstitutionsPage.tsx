import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me, Schemas } from '@archipelago/api-client';
import { Page, Table, buttonClassName, useFormatters, useSession } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { administeredInstitutions, isPlatformAdmin } from '../session/access';

const PAGE_SIZE = 20;
type Institution = Schemas['InstitutionSummary'];
type Membership = Me['memberships'][number];

/** Platform admins: every institution, and "Add an institution". Institution admins: their own. */
export default function InstitutionsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Page title={t('institutions.title')}>
      {me && isPlatformAdmin(me) ? (
        <AllInstitutions />
      ) : (
        <OwnInstitutions memberships={administeredInstitutions(me!)} />
      )}
    </Page>
  );
}

function AllInstitutions() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const page = pageFromParams(params);
  const { state, reload } = useApiData(String(page), (signal) =>
    api.GET('/api/institutions', { params: { query: { page, pageSize: PAGE_SIZE } }, signal }),
  );
  return (
    <>
      <p>{t('institutions.introPlatform')}</p>
      <p>
        <Link className={buttonClassName()} to="/institutions/new">
          {t('institutions.add')}
        </Link>
      </p>
      <PagedTable<Institution>
        state={state}
        reload={reload}
        loadingLines={6}
        loadingLabel={t('institutions.loading')}
        loadFailedTitle={t('institutions.loadFailed')}
        caption={t('institutions.caption')}
        rowKey={(institution) => institution.id}
        paginationLabel={t('institutions.pagination')}
        columns={[
          {
            key: 'name',
            header: t('institutions.columns.name'),
            render: (i) => <Link to={`/institutions/${i.id}`}>{i.name}</Link>,
          },
          {
            key: 'country',
            header: t('institutions.columns.country'),
            render: (i) => format.region(i.country),
          },
          {
            key: 'kind',
            header: t('institutions.columns.kind'),
            render: (i) => t(`institutionKinds.${i.kind}`),
          },
          { key: 'slug', header: t('institutions.columns.slug'), render: (i) => <code>{i.slug}</code> },
        ]}
      />
    </>
  );
}

function OwnInstitutions({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('institutions.introAdmin')}</p>
      <Table<Membership>
        caption={t('institutions.ownCaption')}
        rows={memberships}
        rowKey={(m) => m.institutionId}
        columns={[
          {
            key: 'name',
            header: t('institutions.columns.name'),
            render: (m) => <Link to={`/institutions/${m.institutionId}`}>{m.institutionName}</Link>,
          },
          { key: 'role', header: t('institutions.columns.yourRole'), render: (m) => t(`roles.${m.role}`) },
        ]}
      />
    </>
  );
}

import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, FormField, VisuallyHidden, useAnnounce, useFormatters, useSession } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import { FilterForm } from '../components/FilterForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { ROLES, RoleChangeForm } from '../users/RoleChangeForm';

const PAGE_SIZE = 20;
type Member = Schemas['MemberView'];
type Role = Schemas['InstitutionRole'];
const isRole = (value: string | null): value is Role => ROLES.includes(value as Role);

export interface MembersSectionProps {
  institutionId: string;
  institutionName: string;
  /** Institution admins of this institution and platform admins may change roles and remove people. */
  canManage: boolean;
}

/** The institution's people: search, filter by role, change a role, remove from the institution. */
export function MembersSection({ institutionId, institutionName, canManage }: MembersSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const { me } = useSession();
  const [params] = useSearchParams();
  const query = params.get('query') ?? '';
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const page = pageFromParams(params);
  const { state, reload } = useApiData(`${institutionId}?${params.toString()}`, (signal) =>
    api.GET('/api/institutions/{id}/members', {
      params: {
        path: { id: institutionId },
        query: { query: query || undefined, role, page, pageSize: PAGE_SIZE },
      },
      signal,
    }),
  );
  const removal = useSubmit();
  const [removing, setRemoving] = useState<Member | null>(null);

  const remove = async () => {
    if (!removing) return;
    const result = await removal.run(() =>
      api.DELETE('/api/institutions/{id}/members/{userId}', {
        params: { path: { id: institutionId, userId: removing.id } },
      }),
    );
    if (result.ok) {
      announce(t('members.removed', { name: removing.displayName, institution: institutionName }));
      setRemoving(null);
      reload();
    }
  };

  const columns = [
    {
      key: 'name',
      header: t('members.columns.name'),
      render: (m: Member) => (canManage ? <Link to={`/users/${m.id}`}>{m.displayName}</Link> : m.displayName),
    },
    { key: 'email', header: t('members.columns.email'), render: (m: Member) => m.email },
    {
      key: 'role',
      header: t('members.columns.role'),
      render: (m: Member) =>
        canManage && m.id !== me?.user.id ? (
          <RoleChangeForm
            institutionId={institutionId}
            userId={m.id}
            role={m.role}
            context={t('members.context', { name: m.displayName, institution: institutionName })}
            onChanged={reload}
          />
        ) : (
          t(`roles.${m.role}`)
        ),
    },
    {
      key: 'status',
      header: t('members.columns.status'),
      render: (m: Member) => t(`accountStatus.${m.status}`),
    },
    { key: 'joined', header: t('members.columns.joined'), render: (m: Member) => format.date(m.joinedAt) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('members.columns.actions'),
      render: (m: Member) =>
        m.id === me?.user.id ? (
          t('members.you')
        ) : (
          <Button
            variant="secondary"
            onClick={() => {
              removal.clear();
              setRemoving(m);
            }}
          >
            {t('members.remove')}
            <VisuallyHidden> {m.displayName}</VisuallyHidden>
          </Button>
        ),
    });
  }

  return (
    <section className="studio-section" aria-labelledby="institution-members">
      <h2 id="institution-members">{t('members.title')}</h2>
      <FilterForm label={t('members.filtersLabel')} names={['query', 'role']}>
        <FormField label={t('members.filters.query')}>
          <input className="arch-input" name="query" type="search" spellCheck={false} defaultValue={query} />
        </FormField>
        <FormField label={t('members.filters.role')}>
          <select className="arch-input" name="role" defaultValue={role ?? ''}>
            <option value="">{t('members.filters.anyRole')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
      </FilterForm>
      <PagedTable<Member>
        state={state}
        reload={reload}
        loadingLines={6}
        loadingLabel={t('members.loading')}
        loadFailedTitle={t('members.loadFailed')}
        headingLevel={3}
        empty={t('members.none')}
        caption={t('members.caption', { institution: institutionName })}
        rowKey={(m) => m.id}
        columns={columns}
        paginationLabel={t('members.pagination')}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('members.removeTitle', { name: removing?.displayName ?? '', institution: institutionName })}
        confirmLabel={t('members.remove')}
        onConfirm={() => void remove()}
        submit={removal}
      >
        <p>{t('members.removeConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}

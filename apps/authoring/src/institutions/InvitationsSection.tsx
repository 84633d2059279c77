import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, FormField, VisuallyHidden, useAnnounce, useFormatters } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { InviteForm } from './InviteForm';

const PAGE_SIZE = 20;
const STATUSES: Schemas['InvitationStatus'][] = ['open', 'accepted', 'revoked', 'expired'];
const isStatus = (value: string | null): value is Schemas['InvitationStatus'] =>
  STATUSES.includes(value as Schemas['InvitationStatus']);
// The members list on the same page owns ?page=, so the invitations use their own parameters.
const STATUS_PARAM = 'invitationStatus';
const PAGE_PARAM = 'invitationPage';

type Invitation = Schemas['InvitationView'];

/** Invitations of one institution, newest first, with "revoke" for open ones and the form to invite. */
export function InvitationsSection({
  institutionId,
  institutionName,
}: {
  institutionId: string;
  institutionName: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const statusParam = params.get(STATUS_PARAM);
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = pageFromParams(params, PAGE_PARAM);
  const { state, reload } = useApiData(`${institutionId}|${status}|${page}`, (signal) =>
    api.GET('/api/institutions/{id}/invitations', {
      params: { path: { id: institutionId }, query: { status, page, pageSize: PAGE_SIZE } },
      signal,
    }),
  );
  const revocation = useSubmit();
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  const revoke = async () => {
    if (!revoking) return;
    const result = await revocation.run(() =>
      api.DELETE('/api/institutions/{id}/invitations/{invitationId}', {
        params: { path: { id: institutionId, invitationId: revoking.id } },
      }),
    );
    if (result.ok) {
      announce(t('invitations.revoked', { email: revoking.email }));
      setRevoking(null);
      reload();
    }
  };
  const when = (value: string | null) =>
    value ? format.date(value, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

  return (
    <>
      <section className="studio-section" aria-labelledby="institution-invite">
        <h2 id="institution-invite">{t('invitations.inviteTitle')}</h2>
        <p>{t('invitations.inviteIntro', { institution: institutionName })}</p>
        <InviteForm institutionId={institutionId} onInvited={reload} />
      </section>

      <section className="studio-section" aria-labelledby="institution-invitations">
        <h2 id="institution-invitations">{t('invitations.title')}</h2>
        <FilterForm label={t('invitations.filtersLabel')} names={[STATUS_PARAM]} pageParam={PAGE_PARAM}>
          <FormField label={t('invitations.filters.status')}>
            <select className="arch-input" name={STATUS_PARAM} defaultValue={status ?? ''}>
              <option value="">{t('invitations.filters.anyStatus')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`invitationStatus.${value}`)}
                </option>
              ))}
            </select>
          </FormField>
        </FilterForm>
        <PagedTable<Invitation>
          state={state}
          reload={reload}
          loadingLines={4}
          loadingLabel={t('invitations.loading')}
          loadFailedTitle={t('invitations.loadFailed')}
          headingLevel={3}
          empty={t('invitations.none')}
          caption={t('invitations.caption', { institution: institutionName })}
          rowKey={(invitation) => invitation.id}
          paginationLabel={t('invitations.pagination')}
          pageParam={PAGE_PARAM}
          columns={[
            { key: 'email', header: t('invitations.columns.email'), render: (i) => i.email },
            { key: 'role', header: t('invitations.columns.role'), render: (i) => t(`roles.${i.role}`) },
            {
              key: 'language',
              header: t('invitations.columns.language'),
              render: (i) => t(`language.names.${i.language}`, { ns: 'ui' }),
            },
            {
              key: 'status',
              header: t('invitations.columns.status'),
              render: (i) => t(`invitationStatus.${i.status}`),
            },
            { key: 'sent', header: t('invitations.columns.sent'), render: (i) => when(i.createdAt) },
            {
              key: 'expires',
              header: t('invitations.columns.expires'),
              render: (i) => (i.status === 'open' || i.status === 'expired' ? when(i.expiresAt) : '—'),
            },
            {
              key: 'actions',
              header: t('invitations.columns.actions'),
              render: (i) =>
                i.status === 'open' ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      revocation.clear();
                      setRevoking(i);
                    }}
                  >
                    {t('invitations.revoke')}
                    <VisuallyHidden> {i.email}</VisuallyHidden>
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
        <ConfirmDialog
          open={revoking !== null}
          onClose={() => setRevoking(null)}
          title={t('invitations.revokeTitle', { email: revoking?.email ?? '' })}
          confirmLabel={t('invitations.revoke')}
          onConfirm={() => void revoke()}
          submit={revocation}
        >
          <p>{t('invitations.revokeConfirm')}</p>
        </ConfirmDialog>
      </section>
    </>
  );
}

import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Button,
  FormField,
  useAnnounce,
  useFormatters,
  type TableColumn,
  VisuallyHidden,
} from '@archipelago/ui';
import { useApiData } from '../data/useApiData';
import { useSubmit, type Submit } from '../data/useSubmit';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { listMembers, removeMember, revokeInvitee } from './cohorts-api';
import type { CohortMemberRow, CohortView, MemberKind } from './cohortTypes';
import { focusAfterDialog } from './focusAfterDialog';
import { useCohortRefusal } from './cohortRefusal';
import { problemCode } from './problemCode';
import { MoveMemberDialog } from './MoveMemberDialog';

const PAGE_SIZE = 20;
const KINDS: MemberKind[] = ['member', 'invited'];
const isKind = (value: string | null): value is MemberKind => KINDS.includes(value as MemberKind);
const HEADING_ID = 'cohort-members-heading';

export interface CohortMembersProps {
  cohort: CohortView;
  /** Open cohorts, for their administrators: remove, move and revoke. */
  canEdit: boolean;
  /** Changes when people were added elsewhere on the page: the list is read again. */
  refresh: number;
  onChanged: () => void;
}

type Pending = { action: 'remove' | 'revoke' | 'move'; row: CohortMemberRow };

/** The cohort's people: members with accounts, and those invited who have not signed up yet. */
export function CohortMembers({ cohort, canEdit, refresh, onChanged }: CohortMembersProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = params.get('status');
  const status = isKind(kindParam) ? kindParam : undefined;
  const page = pageFromParams(params);
  const { state, reload } = useApiData(`${cohort.id}?${params.toString()}`, (signal) =>
    listMembers(cohort.id, { q: q || undefined, status, page, pageSize: PAGE_SIZE }, signal),
  );
  // Read again in place (no skeleton) when people were added, removed or moved.
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const submitted = useSubmit();
  // The refusals the API names by code (the cohort closed meanwhile) are said in the reader's words.
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useCohortRefusal();
  const run: Submit['run'] = (call) =>
    submitted.run(async () => {
      const answer = await call();
      setCode(problemCode(answer.error));
      return answer;
    });
  const action: Submit = { ...submitted, run, problem: refusal(submitted.problem, code) };
  const [pending, setPending] = useState<Pending | null>(null);
  const open = (next: Pending) => {
    action.clear();
    setPending(next);
  };

  const done = (message: string) => {
    // The row and its buttons go: focus moves to the list's heading instead of being lost.
    focusAfterDialog(HEADING_ID);
    setPending(null);
    announce(message);
    onChanged();
  };

  const confirm = async () => {
    if (!pending) return;
    const { row } = pending;
    if (pending.action === 'remove' && row.userId) {
      const result = await action.run(() => removeMember(cohort.id, row.userId!));
      if (result.ok) done(t('cohorts:members.removed', { name: row.displayName }));
    } else if (pending.action === 'revoke' && row.invitationId) {
      const result = await action.run(() => revokeInvitee(cohort.id, row.invitationId!));
      if (result.ok) done(t('cohorts:members.revoked', { email: row.email }));
    }
  };

  const columns: TableColumn<CohortMemberRow>[] = [
    { key: 'name', header: t('cohorts:members.columns.name'), render: (r: CohortMemberRow) => r.displayName },
    { key: 'email', header: t('cohorts:members.columns.email'), render: (r: CohortMemberRow) => r.email },
    {
      key: 'status',
      header: t('cohorts:members.columns.status'),
      render: (r: CohortMemberRow) => t(`cohorts:members.kind.${r.kind}`),
    },
    {
      key: 'added',
      header: t('cohorts:members.columns.added'),
      render: (r: CohortMemberRow) => format.date(r.addedAt),
    },
    {
      key: 'source',
      header: t('cohorts:members.columns.source'),
      render: (r: CohortMemberRow) => t(`cohorts:members.source.${r.source}`, { defaultValue: r.source }),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('cohorts:members.columns.actions'),
      render: (r: CohortMemberRow) =>
        r.kind === 'member' ? (
          <div className="studio-inline-form">
            <Button
              variant="secondary"
              aria-haspopup="dialog"
              onClick={() => open({ action: 'move', row: r })}
            >
              {t('cohorts:members.move')}
              <VisuallyHidden>{t('cohorts:members.moveWhom', { name: r.displayName })}</VisuallyHidden>
            </Button>
            <Button
              variant="secondary"
              aria-haspopup="dialog"
              onClick={() => open({ action: 'remove', row: r })}
            >
              {t('cohorts:members.remove')}
              <VisuallyHidden>{t('cohorts:members.removeWhom', { name: r.displayName })}</VisuallyHidden>
            </Button>
          </div>
        ) : (
          <Button
            variant="secondary"
            aria-haspopup="dialog"
            onClick={() => open({ action: 'revoke', row: r })}
          >
            {t('cohorts:members.revoke')}
            <VisuallyHidden>{t('cohorts:members.revokeWhom', { email: r.email })}</VisuallyHidden>
          </Button>
        ),
    });
  }

  return (
    <section className="studio-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('cohorts:members.title')}
      </h2>
      <FilterForm label={t('cohorts:members.filtersLabel')} names={['q', 'status']}>
        <FormField label={t('cohorts:members.filters.q')}>
          <input className="arch-input" name="q" type="search" spellCheck={false} defaultValue={q} />
        </FormField>
        <FormField label={t('cohorts:members.filters.status')}>
          <select className="arch-input" name="status" defaultValue={status ?? ''}>
            <option value="">{t('cohorts:members.filters.anyone')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`cohorts:members.kind.${kind}`)}
              </option>
            ))}
          </select>
        </FormField>
      </FilterForm>
      <PagedTable<CohortMemberRow>
        state={state}
        reload={reload}
        loadingLines={6}
        loadingLabel={t('cohorts:members.loading')}
        loadFailedTitle={t('cohorts:members.loadFailed')}
        headingLevel={3}
        empty={q || status ? t('cohorts:members.noneFound') : t('cohorts:members.none')}
        caption={t('cohorts:members.caption', { name: cohort.name })}
        rowKey={(r) => r.userId ?? r.invitationId ?? r.email}
        columns={columns}
        paginationLabel={t('cohorts:members.pagination')}
      />
      <ConfirmDialog
        open={pending?.action === 'remove'}
        onClose={() => setPending(null)}
        title={t('cohorts:members.removeTitle', { name: pending?.row.displayName ?? '' })}
        confirmLabel={t('cohorts:members.remove')}
        onConfirm={() => void confirm()}
        submit={action}
      >
        <p>{t('cohorts:members.removeConfirm')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.action === 'revoke'}
        onClose={() => setPending(null)}
        title={t('cohorts:members.revokeTitle', { email: pending?.row.email ?? '' })}
        confirmLabel={t('cohorts:members.revoke')}
        onConfirm={() => void confirm()}
        submit={action}
      >
        <p>{t('cohorts:members.revokeConfirm')}</p>
      </ConfirmDialog>
      <MoveMemberDialog
        cohort={cohort}
        member={pending?.action === 'move' ? pending.row : null}
        submit={action}
        onClose={() => setPending(null)}
        onMoved={(target) =>
          done(t('cohorts:members.moved', { name: pending?.row.displayName ?? '', cohort: target }))
        }
      />
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Skeleton,
  Table,
  VisuallyHidden,
  useAnnounce,
  useFormatters,
  type TableColumn,
} from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { useSubmit, type Submit } from '../../data/useSubmit';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { focusAfterDialog } from '../../cohorts/focusAfterDialog';
import { problemCode } from '../../cohorts/problemCode';
import { listParticipants, removeParticipant, withdrawInvitee } from './assessments-api';
import type { AssessmentView, InviteeRow, ParticipantRow, ParticipantsView } from './assessmentTypes';
import { useAssessmentRefusal } from './assessmentRefusal';

const HEADING_ID = 'dgca-participants-heading';

export interface ParticipantsSectionProps {
  assessment: AssessmentView;
  /** Draft and individual round: withdraw invitations. */
  canEdit: boolean;
  /**
   * Remove participants: only until the consensus round first opens, since comparing the
   * distributions before and after a removal would reveal the removed person's answers.
   */
  canRemove: boolean;
  /** Changes when people were added elsewhere on the page: the list is read again. */
  refresh: number;
  onChanged: () => void;
}

type Pending = { action: 'remove'; row: ParticipantRow } | { action: 'withdraw'; row: InviteeRow };

/**
 * Who takes part and how far each has got: names and counts only. What anyone answered is never
 * shown to the facilitator (the consensus page shows the group's answers, anonymously).
 */
export function ParticipantsSection({
  assessment,
  canEdit,
  canRemove,
  refresh,
  onChanged,
}: ParticipantsSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const { state, reload } = useApiData(`dgca-participants:${assessment.id}`, (signal) =>
    listParticipants(assessment.id, signal),
  );
  // Read again in place (no skeleton) when people were added or removed.
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const submitted = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useAssessmentRefusal();
  const run: Submit['run'] = (call) =>
    submitted.run(async () => {
      const answer = await call();
      setCode(problemCode(answer.error));
      return answer;
    });
  const action: Submit = { ...submitted, run, problem: refusal(submitted.problem, code) };
  // A deleted account leaves its participant row (and anonymous ratings) without a name.
  const nameOf = (r: ParticipantRow) => r.displayName || t('dgca:participants.deletedAccount');
  const [pending, setPending] = useState<Pending | null>(null);
  const open = (next: Pending) => {
    action.clear();
    setPending(next);
  };

  const done = (message: string) => {
    // The row and its button go: focus moves to the list's heading instead of being lost.
    focusAfterDialog(HEADING_ID);
    setPending(null);
    announce(message);
    onChanged();
  };

  const confirm = async () => {
    if (!pending) return;
    if (pending.action === 'remove') {
      const { row } = pending;
      const result = await action.run(() => removeParticipant(assessment.id, row.id));
      if (result.ok) done(t('dgca:participants.removed', { name: nameOf(row) }));
    } else {
      const { row } = pending;
      const result = await action.run(() => withdrawInvitee(assessment.id, row.invitationId));
      if (result.ok) done(t('dgca:participants.withdrawn', { email: row.email }));
    }
  };

  const participantColumns: TableColumn<ParticipantRow>[] = [
    { key: 'name', header: t('dgca:participants.columns.name'), render: nameOf },
    { key: 'email', header: t('dgca:participants.columns.email'), render: (r) => r.email },
    {
      key: 'answered',
      header: t('dgca:participants.columns.answered'),
      render: (r) =>
        t('dgca:participants.answeredOf', {
          answered: format.number(r.answered),
          total: format.number(r.total),
        }),
    },
    {
      key: 'submitted',
      header: t('dgca:participants.columns.submitted'),
      render: (r) => (r.submittedAt ? format.date(r.submittedAt) : t('dgca:participants.notSubmitted')),
    },
    { key: 'added', header: t('dgca:participants.columns.added'), render: (r) => format.date(r.addedAt) },
  ];
  if (canRemove) {
    participantColumns.push({
      key: 'actions',
      header: t('dgca:participants.columns.actions'),
      render: (r) => (
        <Button variant="secondary" aria-haspopup="dialog" onClick={() => open({ action: 'remove', row: r })}>
          {t('dgca:participants.remove')}
          <VisuallyHidden>{t('dgca:participants.removeWhom', { name: nameOf(r) })}</VisuallyHidden>
        </Button>
      ),
    });
  }

  const inviteeColumns: TableColumn<InviteeRow>[] = [
    { key: 'email', header: t('dgca:participants.columns.email'), render: (r) => r.email },
    {
      key: 'name',
      header: t('dgca:participants.columns.name'),
      render: (r) => r.displayName ?? t('dgca:participants.noName'),
    },
    {
      key: 'invited',
      header: t('dgca:participants.columns.invited'),
      render: (r) => format.date(r.invitedAt),
    },
    {
      key: 'expires',
      header: t('dgca:participants.columns.expires'),
      render: (r) => format.date(r.expiresAt),
    },
    {
      key: 'status',
      header: t('dgca:participants.columns.status'),
      render: (r) => t(`dgca:participants.invitation.${r.status}`, { defaultValue: r.status }),
    },
  ];
  if (canEdit) {
    inviteeColumns.push({
      key: 'actions',
      header: t('dgca:participants.columns.actions'),
      render: (r) => (
        <Button
          variant="secondary"
          aria-haspopup="dialog"
          onClick={() => open({ action: 'withdraw', row: r })}
        >
          {t('dgca:participants.withdraw')}
          <VisuallyHidden>{t('dgca:participants.withdrawWhom', { email: r.email })}</VisuallyHidden>
        </Button>
      ),
    });
  }

  return (
    <section className="studio-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('dgca:participants.title')}
      </h2>
      <p>{t('dgca:participants.intro')}</p>
      {canEdit && !canRemove ? <p>{t('dgca:participants.keptAfterConsensus')}</p> : null}
      {state.status === 'loading' ? <Skeleton lines={6} label={t('dgca:participants.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert
          title={t('dgca:participants.loadFailed')}
          problem={state.problem}
          onRetry={reload}
          headingLevel={3}
        />
      ) : null}
      {state.status === 'ready' ? (
        <People
          view={state.data}
          title={assessment.title}
          participantColumns={participantColumns}
          inviteeColumns={inviteeColumns}
        />
      ) : null}
      <ConfirmDialog
        open={pending?.action === 'remove'}
        onClose={() => setPending(null)}
        title={t('dgca:participants.removeTitle', {
          name: pending?.action === 'remove' ? nameOf(pending.row) : '',
        })}
        confirmLabel={t('dgca:participants.remove')}
        onConfirm={() => void confirm()}
        submit={action}
      >
        <p>{t('dgca:participants.removeConfirm')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.action === 'withdraw'}
        onClose={() => setPending(null)}
        title={t('dgca:participants.withdrawTitle', { email: pending?.row.email ?? '' })}
        confirmLabel={t('dgca:participants.withdraw')}
        onConfirm={() => void confirm()}
        submit={action}
      >
        <p>{t('dgca:participants.withdrawConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}

interface PeopleProps {
  view: ParticipantsView;
  title: string;
  participantColumns: TableColumn<ParticipantRow>[];
  inviteeColumns: TableColumn<InviteeRow>[];
}

function People({ view, title, participantColumns, inviteeColumns }: PeopleProps) {
  const { t } = useTranslation();
  return (
    <>
      {view.participants.length === 0 ? (
        <p>{t('dgca:participants.none')}</p>
      ) : (
        <Table<ParticipantRow>
          caption={t('dgca:participants.caption', { title })}
          rows={view.participants}
          rowKey={(r) => r.id}
          columns={participantColumns}
        />
      )}
      {view.invitees.length > 0 ? (
        <>
          <h3>{t('dgca:participants.inviteesTitle')}</h3>
          <p>{t('dgca:participants.inviteesIntro')}</p>
          <Table<InviteeRow>
            caption={t('dgca:participants.inviteesCaption', { title })}
            rows={view.invitees}
            rowKey={(r) => r.invitationId}
            columns={inviteeColumns}
          />
        </>
      ) : null}
    </>
  );
}

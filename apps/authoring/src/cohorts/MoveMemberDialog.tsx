import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, FormField, Skeleton } from '@archipelago/ui';
import { useApiData } from '../data/useApiData';
import type { Submit } from '../data/useSubmit';
import { ProblemAlert } from '../components/ProblemAlert';
import { listCohorts, moveMember } from './cohorts-api';
import type { CohortMemberRow, CohortView } from './cohortTypes';

export interface MoveMemberDialogProps {
  cohort: CohortView;
  /** The member being moved; the dialog is open while there is one. */
  member: CohortMemberRow | null;
  submit: Submit;
  onClose: () => void;
  /** Called with the target cohort's name once the move is done. */
  onMoved: (targetName: string) => void;
}

/** Moves a member to another open cohort of the same institution; their progress goes with them. */
export function MoveMemberDialog({ cohort, member, submit, onClose, onMoved }: MoveMemberDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={member !== null}
      onClose={onClose}
      title={t('cohorts:move.title', { name: member?.displayName ?? '' })}
    >
      {member ? (
        <MoveForm cohort={cohort} member={member} submit={submit} onClose={onClose} onMoved={onMoved} />
      ) : null}
    </Dialog>
  );
}

function MoveForm({
  cohort,
  member,
  submit,
  onClose,
  onMoved,
}: MoveMemberDialogProps & { member: CohortMemberRow }) {
  const { t } = useTranslation();
  const { state, reload } = useApiData(`move-targets:${cohort.institution.id}`, (signal) =>
    listCohorts({ institutionId: cohort.institution.id, status: 'open', pageSize: 100 }, signal),
  );
  const targets = state.status === 'ready' ? state.data.items.filter((c) => c.id !== cohort.id) : [];
  const [target, setTarget] = useState('');
  const chosen = target || targets[0]?.id || '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const destination = targets.find((c) => c.id === chosen);
    if (!destination || !member.userId) return;
    const result = await submit.run(() => moveMember(cohort.id, member.userId!, destination.id));
    if (result.ok) onMoved(destination.name);
  };

  if (state.status === 'loading') return <Skeleton lines={2} label={t('cohorts:move.loading')} />;
  if (state.status === 'failed') {
    return (
      <ProblemAlert
        problem={state.problem}
        title={t('cohorts:move.loadFailed')}
        onRetry={reload}
        headingLevel={3}
      />
    );
  }
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{t('cohorts:move.intro')}</p>
      {submit.problem ? (
        <ProblemAlert
          key={submit.failures}
          problem={submit.problem}
          title={t('confirm.failed')}
          headingLevel={3}
        />
      ) : null}
      {targets.length === 0 ? (
        <p>{t('cohorts:move.noTargets')}</p>
      ) : (
        <FormField label={t('cohorts:move.target')} id="cohort-move-target">
          <select className="arch-input" value={chosen} onChange={(event) => setTarget(event.target.value)}>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <div className="arch-actions">
        {targets.length > 0 ? (
          <Button type="submit" disabled={submit.busy}>
            {t('cohorts:move.submit')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onClose}>
          {t('confirm.cancel')}
        </Button>
      </div>
    </form>
  );
}

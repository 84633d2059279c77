import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '@archipelago/ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSubmit } from '../../data/useSubmit';
import { problemCode } from '../../cohorts/problemCode';
import { deleteAction } from './actions-api';
import type { ActionView } from './actionTypes';
import { theirVersion, usePlanRefusal } from './planRefusal';

export interface DeleteActionDialogProps {
  /** The action to delete; the dialog is open while there is one. */
  action: ActionView | null;
  onClose: () => void;
  onDeleted: (action: ActionView) => void;
}

/** "Delete action?", against the version on screen: a change made meanwhile is said before it goes. */
export function DeleteActionDialog({ action, onClose, onDeleted }: DeleteActionDialogProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const refusal = usePlanRefusal();
  const [code, setCode] = useState<string | undefined>(undefined);
  // The revision to delete: a newer one once the person has been told of the change.
  const [revision, setRevision] = useState<{ id: string; value: number } | null>(null);
  const current = action && revision?.id === action.id ? revision.value : action?.revision;

  const close = () => {
    submit.clear();
    setCode(undefined);
    setRevision(null);
    onClose();
  };

  const confirm = async () => {
    if (!action || current === undefined) return;
    let refused: string | undefined;
    let theirs: ActionView | undefined;
    let gone = false;
    const result = await submit.run(async () => {
      const answer = await deleteAction(action.id, current);
      refused = problemCode(answer.error);
      if (refused === 'stale-version') theirs = theirVersion(answer.error);
      gone = answer.response.status === 404;
      return answer;
    });
    setCode(refused);
    if (result.ok || gone) {
      // Already gone is what was asked for.
      announce(t('dgcaActions:delete.done', { title: action.title }));
      setRevision(null);
      onDeleted(action);
      return;
    }
    // Said in the dialog; pressing Delete again deletes the newer version.
    if (theirs) setRevision({ id: action.id, value: theirs.revision });
  };

  return (
    <ConfirmDialog
      open={action !== null}
      onClose={close}
      title={t('dgcaActions:delete.title', { title: action?.title ?? '' })}
      confirmLabel={t('dgcaActions:delete.confirm')}
      onConfirm={() => void confirm()}
      submit={{ ...submit, problem: refusal(submit.problem, code) }}
    >
      <p>{t('dgcaActions:delete.body')}</p>
    </ConfirmDialog>
  );
}

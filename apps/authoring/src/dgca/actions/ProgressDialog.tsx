import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, FormField, useAnnounce } from '@archipelago/ui';
import { useSubmit } from '../../data/useSubmit';
import { FormProblems, errorFor } from '../../components/FormProblems';
import { postProgress } from './actions-api';
import { ACTION_STATUSES, type ActionStatus, type ActionView, type ProgressFields } from './actionTypes';
import { UpdatesLog } from './UpdatesLog';
import type { ActionWords } from './useActionWords';

const FIELD_IDS = { comment: 'progress-comment', status: 'progress-status', progress: 'progress-value' };

export interface ProgressDialogProps {
  /** The action being reported on; the dialog is open while there is one. */
  action: ActionView | null;
  words: ActionWords;
  onClose: () => void;
  /** The action with the new update applied. */
  onPosted: (action: ActionView) => void;
}

/** A progress update (comment, and optionally a new status and percentage), above the action's log. */
export function ProgressDialog({ action, words, onClose, onPosted }: ProgressDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={action !== null}
      onClose={onClose}
      title={t('dgcaActions:progress.title', { title: action?.title ?? '' })}
    >
      {action ? <ProgressForm action={action} words={words} onPosted={onPosted} /> : null}
    </Dialog>
  );
}

function ProgressForm({
  action,
  words,
  onPosted,
}: Omit<ProgressDialogProps, 'action' | 'onClose'> & { action: ActionView }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  // Cleared after each update, by mounting the fields afresh.
  const [posted, setPosted] = useState(0);
  // The fields (and the pressed button) are new after a post: focus goes to the comment, ready for
  // another update, instead of falling out of the dialog.
  useEffect(() => {
    if (posted > 0) document.getElementById(FIELD_IDS.comment)?.focus();
  }, [posted]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = String(form.get('status') ?? '');
    const progress = String(form.get('progress') ?? '').trim();
    const body: ProgressFields = {
      comment: String(form.get('comment') ?? '').trim(),
      ...(status ? { status: status as ActionStatus } : {}),
      ...(progress ? { progress: Number(progress) } : {}),
    };
    const result = await submit.run(() => postProgress(action.id, body));
    if (result.ok && result.data) {
      setPosted((count) => count + 1);
      announce(t('dgcaActions:progress.posted'));
      onPosted(result.data);
    }
  };

  const error = (field: string) => errorFor(submit.problem, field);
  return (
    <>
      <p>
        {t('dgcaActions:progress.now', {
          status: words.status(action.status),
          progress: words.progress(action.progress),
        })}
      </p>
      <form key={posted} className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormProblems
          problem={submit.problem}
          failures={submit.failures}
          fieldIds={FIELD_IDS}
          title={t('dgcaActions:progress.failed')}
        />
        <FormField label={t('dgcaActions:progress.comment')} id={FIELD_IDS.comment} error={error('comment')}>
          <textarea className="arch-input" name="comment" rows={3} />
        </FormField>
        <div className="action-form__pair">
          <FormField label={t('dgcaActions:progress.status')} id={FIELD_IDS.status} error={error('status')}>
            <select className="arch-input" name="status" defaultValue="">
              <option value="">{t('dgcaActions:progress.keepStatus')}</option>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {words.status(status)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label={t('dgcaActions:progress.value')}
            hint={t('dgcaActions:progress.valueHint')}
            id={FIELD_IDS.progress}
            error={error('progress')}
          >
            <input
              className="arch-input"
              name="progress"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
            />
          </FormField>
        </div>
        <div className="arch-actions">
          <Button type="submit" disabled={submit.busy}>
            {t('dgcaActions:progress.post')}
          </Button>
        </div>
      </form>
      <UpdatesLog action={action} words={words} />
    </>
  );
}

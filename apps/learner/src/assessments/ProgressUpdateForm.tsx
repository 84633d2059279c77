import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, useAnnounce } from '@archipelago/ui';
import {
  AssessmentRequestError,
  postProgressUpdate,
  type ActionStatus,
  type ActionView,
} from './assessments-api';

const STATUSES: ActionStatus[] = ['planned', 'in-progress', 'done', 'on-hold', 'cancelled'];

type Errors = { comment?: string; progress?: string; form?: string };

export interface ProgressUpdateFormProps {
  assessmentId: string;
  action: ActionView;
  onUpdated: (action: ActionView) => void;
}

/** "Report progress": a comment, and the action's status and percentage as they now stand. */
export function ProgressUpdateForm({ assessmentId, action, onUpdated }: ProgressUpdateFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [progress, setProgress] = useState(String(action.progress));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const prefix = `action-${action.id}-update`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const percent = Number(progress);
    const found: Errors = {};
    if (comment.trim() === '') found.comment = t('assessments:update.commentRequired');
    if (progress.trim() === '' || !Number.isInteger(percent) || percent < 0 || percent > 100)
      found.progress = t('assessments:update.progressInvalid');
    setErrors(found);
    if (found.comment || found.progress) {
      document.getElementById(found.comment ? `${prefix}-comment` : `${prefix}-progress`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = {
        comment: comment.trim(),
        ...(status !== action.status ? { status } : {}),
        ...(percent !== action.progress ? { progress: percent } : {}),
      };
      const updated = await postProgressUpdate(assessmentId, action.id, body);
      onUpdated(updated);
      setComment('');
      setStatus(updated.status);
      setProgress(String(updated.progress));
      announce(t('assessments:update.posted', { title: action.title }));
    } catch (error) {
      setErrors(refusalErrors(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="action-update-form">
      <summary>
        {t('assessments:update.open')}
        <span className="arch-visually-hidden">
          {' '}
          {t('assessments:update.forAction', { title: action.title })}
        </span>
      </summary>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {errors.form ? (
          <p className="arch-field__error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <FormField id={`${prefix}-comment`} label={t('assessments:update.comment')} error={errors.comment}>
          <textarea
            className="arch-input"
            rows={3}
            maxLength={2000}
            required
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </FormField>
        <FormField id={`${prefix}-status`} label={t('assessments:update.status')}>
          <select
            className="arch-input"
            value={status}
            onChange={(event) => setStatus(event.target.value as ActionStatus)}
          >
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`assessments:actions.statuses.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={`${prefix}-progress`}
          label={t('assessments:update.progress')}
          hint={t('assessments:update.progressHint')}
          error={errors.progress}
        >
          <input
            className="arch-input action-update-form__percent"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={progress}
            onChange={(event) => setProgress(event.target.value)}
          />
        </FormField>
        <Button type="submit" disabled={busy}>
          {t('assessments:update.submit')}
        </Button>
      </form>
    </details>
  );
}

function refusalErrors(error: unknown, t: (key: string) => string): Errors {
  if (!(error instanceof AssessmentRequestError)) return { form: t('assessments:update.failed') };
  if (error.status === 404) return { form: t('assessments:update.gone') };
  const errors: Errors = {};
  // The API words its field errors in English; the form says them in the reader's language.
  for (const field of error.fields) {
    if (field.field === 'comment') errors.comment = t('assessments:update.commentRequired');
    else if (field.field === 'progress') errors.progress = t('assessments:update.progressInvalid');
  }
  if (!errors.comment && !errors.progress) errors.form = t('assessments:update.failed');
  return errors;
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, FormField } from '@archipelago/ui';
import { FormProblems } from '../../components/FormProblems';
import { useSubmit } from '../../data/useSubmit';
import { problemCode } from '../problemCode';
import { previewReminder, sendReminder } from './progress-api';
import {
  MAX_MESSAGE_LENGTH,
  type ProgressSummary,
  type ReminderAudience,
  type ReminderBody,
  type ReminderPreview,
} from './progressTypes';
import { useProgressWords } from './useProgressWords';

export interface ReminderDialogProps {
  cohortId: string;
  open: boolean;
  onClose: () => void;
  summary: ProgressSummary;
  /** The learners ticked in the table. */
  selectedIds: string[];
  /** After sending: how many reminders went out. */
  onSent: (sent: number) => void;
}

const FIELD_IDS = {
  audience: 'reminder-audience-not_started',
  userIds: 'reminder-audience-selected',
  message: 'reminder-message',
};
const AUDIENCES: ReminderAudience[] = ['not_started', 'behind', 'selected'];

/**
 * Who to remind and an optional message, then a preview of the e-mail (in the sender's language;
 * each learner receives it in their own) with how many people it will reach, then sending. Send is
 * only offered for the preview on screen: changing the audience or the message asks for a new one.
 */
export function ReminderDialog(props: ReminderDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('cohortProgress:reminder.title')}>
      {/* Mounted on each opening, so every reminder starts afresh. */}
      {props.open ? <ReminderForm {...props} /> : null}
    </Dialog>
  );
}

function ReminderForm(props: ReminderDialogProps) {
  const { cohortId, summary, selectedIds } = props;
  const { t } = useTranslation();
  const words = useProgressWords();
  const previewing = useSubmit();
  const sending = useSubmit();
  // The ticked learners when there are some, else those who have not started.
  const [audience, setAudience] = useState<ReminderAudience>(
    selectedIds.length > 0 ? 'selected' : 'not_started',
  );
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<ReminderPreview | null>(null);
  const [code, setCode] = useState<string | undefined>(undefined);
  const previewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const body = (): ReminderBody => ({
    audience,
    ...(audience === 'selected' ? { userIds: selectedIds } : {}),
    ...(message.trim() ? { message: message.trim() } : {}),
  });

  const onPreview = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sending.clear();
    const result = await previewing.run(async () => {
      const answer = await previewReminder(cohortId, body());
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) setPreview(result.data);
  };

  const onSend = async () => {
    const result = await sending.run(async () => {
      const answer = await sendReminder(cohortId, body());
      setCode(problemCode(answer.error));
      return answer;
    });
    if (!result.ok || !result.data) return;
    props.onSent(result.data.sent);
  };

  const count = (value: ReminderAudience) =>
    value === 'not_started' ? summary.notStarted : value === 'behind' ? summary.behind : selectedIds.length;
  const refused = sending.problem ?? previewing.problem;
  // A cohort closed meanwhile is said in the reader's words (the API words it in English).
  const problem =
    refused && code === 'cohort-closed'
      ? { ...refused, detail: t('cohortProgress:reminder.closedMeanwhile') }
      : refused;

  return (
    <form noValidate onSubmit={(event) => void onPreview(event)}>
      <FormProblems
        problem={problem}
        failures={previewing.failures + sending.failures}
        fieldIds={FIELD_IDS}
        title={t('cohortProgress:reminder.failed')}
      />
      <fieldset className="studio-fieldset">
        <legend>{t('cohortProgress:reminder.audience')}</legend>
        {AUDIENCES.map((value) => {
          const id = `reminder-audience-${value}`;
          const disabled = value === 'selected' && selectedIds.length === 0;
          return (
            <div className="studio-checkbox" key={value}>
              <input
                type="radio"
                id={id}
                name="audience"
                checked={audience === value}
                disabled={disabled}
                aria-describedby={`${id}-hint`}
                onChange={() => {
                  setAudience(value);
                  setPreview(null);
                }}
              />
              <label htmlFor={id}>
                {t(`cohortProgress:reminder.audiences.${value}`, { number: words.number(count(value)) })}
              </label>
              <p className="arch-field__hint" id={`${id}-hint`}>
                {disabled
                  ? t('cohortProgress:reminder.noneSelected')
                  : t(`cohortProgress:reminder.audienceHints.${value}`)}
              </p>
            </div>
          );
        })}
      </fieldset>
      <FormField
        id={FIELD_IDS.message}
        label={t('cohortProgress:reminder.message')}
        hint={t('cohortProgress:reminder.messageHint', { max: words.number(MAX_MESSAGE_LENGTH) })}
      >
        <textarea
          className="arch-input cohort-progress-message"
          maxLength={MAX_MESSAGE_LENGTH}
          rows={4}
          value={message}
          onChange={(event) => {
            setMessage(event.target.value);
            setPreview(null);
          }}
        />
      </FormField>
      <div className="arch-actions">
        <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={previewing.busy}>
          {t(preview ? 'cohortProgress:reminder.previewAgain' : 'cohortProgress:reminder.preview')}
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          {t('confirm.cancel')}
        </Button>
      </div>
      {preview ? (
        <section className="cohort-progress-preview" aria-labelledby="reminder-preview-heading">
          <h3 id="reminder-preview-heading" ref={previewHeading} tabIndex={-1}>
            {t('cohortProgress:reminder.previewHeading')}
          </h3>
          <p>
            {preview.recipientCount === 0
              ? t('cohortProgress:reminder.nobody')
              : t('cohortProgress:reminder.recipientCount', {
                  count: preview.recipientCount,
                  formatted: words.number(preview.recipientCount),
                })}
          </p>
          {preview.recentlyReminded > 0 ? (
            <p>
              {t('cohortProgress:reminder.recentlyReminded', {
                count: preview.recentlyReminded,
                formatted: words.number(preview.recentlyReminded),
              })}
            </p>
          ) : null}
          {preview.recipients.length > 0 ? (
            <ul className="cohort-progress-recipients">
              {preview.recipients.map((recipient) => (
                <li key={recipient.userId}>
                  {recipient.displayName} <span className="studio-muted">{recipient.email}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.recipientCount > preview.recipients.length ? (
            <p>
              {t('cohortProgress:reminder.andMore', {
                count: preview.recipientCount - preview.recipients.length,
                formatted: words.number(preview.recipientCount - preview.recipients.length),
              })}
            </p>
          ) : null}
          {preview.recipientCount > 0 ? (
            <>
              <h4>{t('cohortProgress:reminder.subject')}</h4>
              <p>{preview.subject}</p>
              <h4>{t('cohortProgress:reminder.text')}</h4>
              <pre className="studio-message-body">{preview.text}</pre>
              <div className="arch-actions">
                <Button disabled={sending.busy} onClick={() => void onSend()}>
                  {t('cohortProgress:reminder.send', {
                    count: preview.recipientCount,
                    formatted: words.number(preview.recipientCount),
                  })}
                </Button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, useFormatters } from '@archipelago/ui';
import { deviceTime, writeKeys, type LearningQueue, type LearningWrite } from '../learning-writes';
import { useQueueHealth } from '../useLearningQueue';

/** Typing pauses this long before the answer is saved. */
const DEBOUNCE = 800;

export interface ReflectionAnswerProps {
  slug: string;
  activityId: string;
  reflectionId: string;
  /** The id of the prompt above the field, which describes it. */
  promptId: string;
  /** The answer the API holds, if any. */
  saved: string | undefined;
  queue: LearningQueue;
  /** The reader calls these before the page is left, so a pause in typing is not lost. */
  beforeLeave: Set<() => void>;
}

type Status = 'idle' | 'typing' | 'pending' | 'saved' | 'rejected';

/**
 * The learner's private answer to a reflection, saved as they type (after a pause, on leaving the
 * field and when the page is left) through the write queue, with its state shown and announced.
 */
export function ReflectionAnswer({
  slug,
  activityId,
  reflectionId,
  promptId,
  saved,
  queue,
  beforeLeave,
}: ReflectionAnswerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const health = useQueueHealth(queue);
  const key = writeKeys.reflection(slug, activityId, reflectionId);
  // An answer typed here earlier that has not reached the API yet is newer than the saved one.
  const [value, setValue] = useState(() => {
    const waiting = queue.pending(key);
    return waiting?.kind === 'reflection' ? waiting.body.answer : (saved ?? '');
  });
  const [status, setStatus] = useState<Status>(() => (queue.pending(key) ? 'pending' : 'idle'));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const draft = useRef<LearningWrite | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const statusId = useId();

  const push = useCallback(() => {
    clearTimeout(timer.current);
    if (draft.current === null) return;
    queue.put(key, draft.current);
    draft.current = null;
  }, [queue, key]);

  useEffect(
    () =>
      queue.subscribe(key, (next) => {
        setStatus(next);
        if (next === 'saved') setSavedAt(deviceTime());
      }),
    [queue, key],
  );

  useEffect(() => {
    beforeLeave.add(push);
    return () => {
      beforeLeave.delete(push);
      push();
    };
  }, [beforeLeave, push]);

  const onChange = (answer: string) => {
    setValue(answer);
    setStatus('typing');
    draft.current = {
      kind: 'reflection',
      slug,
      activityId,
      reflectionId,
      body: { answer, at: deviceTime() },
    };
    clearTimeout(timer.current);
    timer.current = setTimeout(push, DEBOUNCE);
  };

  let message = '';
  if (status === 'pending')
    message = health.failing ? t('reader.reflection.savedHere') : t('reader.reflection.saving');
  else if (status === 'saved' && savedAt)
    message = t('reader.reflection.saved', { time: format.date(savedAt, { timeStyle: 'short' }) });
  else if (status === 'rejected') message = t('reader.reflection.rejected');

  return (
    <div className="reflection__field">
      <FormField label={t('reader.reflection.label')} hint={t('reader.reflection.hint')}>
        <textarea
          className="arch-input reflection__input"
          rows={5}
          maxLength={10000}
          value={value}
          aria-describedby={`${promptId} ${statusId}`}
          onChange={(event) => onChange(event.target.value)}
          onBlur={push}
        />
      </FormField>
      <p id={statusId} role="status" className="reflection__status">
        {message}
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { problemKey } from '../components/ProblemAlert';
import type { SaveStatus } from './useLessonSave';

/** "Saved at 14:05", "Saving…", "Not saved: …" — in a polite live region, so typing is not interrupted. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const format = useFormatters();
  let text = '';
  switch (status.kind) {
    case 'pending':
      text = t('lessonEditor.status.pending');
      break;
    case 'saving':
      text = t('lessonEditor.status.saving');
      break;
    case 'saved':
      text = t('lessonEditor.status.saved', { time: format.date(status.at, { timeStyle: 'short' }) });
      break;
    case 'conflict':
      text = t('lessonEditor.status.notSaved', { reason: t('lessonEditor.status.conflict') });
      break;
    case 'invalid':
      text = t('lessonEditor.status.notSaved', { reason: t('lessonEditor.status.invalid') });
      break;
    case 'failed':
      text = t('lessonEditor.status.notSaved', { reason: t(problemKey(status.problem)) });
      break;
    case 'unchanged':
      text = t('lessonEditor.status.unchanged');
  }
  return (
    <p className="lesson-save-status" role="status">
      {text}
    </p>
  );
}

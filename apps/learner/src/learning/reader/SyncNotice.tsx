import { useTranslation } from 'react-i18next';
import type { LearningQueue } from '../learning-writes';
import { useQueueHealth } from '../useLearningQueue';

/** Says, politely, when progress is waiting on this device for the connection to come back. */
export function SyncNotice({ queue }: { queue: LearningQueue }) {
  const { t } = useTranslation();
  const { pending, failing } = useQueueHealth(queue);
  // The live region stays in the page so that the message is announced when it appears.
  return (
    <div role="status" className="reader-sync">
      {failing && pending > 0 ? <p className="reader-sync__message">{t('reader.offline')}</p> : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { useFormatters } from '@archipelago/ui';

/** Sent (when), waiting in the outbox, or failed (why), in words. */
export function MessageStatus({ message }: { message: Schemas['MailMessageSummary'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (message.error) return <>{t('outbox.status.failed', { error: message.error })}</>;
  if (message.sentAt) {
    return (
      <>
        {t('outbox.status.sent', {
          date: format.date(message.sentAt, { dateStyle: 'medium', timeStyle: 'short' }),
        })}
      </>
    );
  }
  return <>{message.transport === 'outbox' ? t('outbox.status.stored') : t('outbox.status.pending')}</>;
}

import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton, useFormatters } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { ProblemAlert } from '../components/ProblemAlert';
import { LinkedText } from '../components/LinkedText';
import { MessageStatus } from './MessageStatus';

/** One message as it was sent: who to, in which language, when, and its text with working links. */
export default function OutboxMessagePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { messageId = '' } = useParams();
  const { state, reload } = useApiData(messageId, (signal) =>
    api.GET('/api/outbox/{id}', { params: { path: { id: messageId } }, signal }),
  );
  const back = (
    <p>
      <Link to="/outbox">{t('outbox.message.back')}</Link>
    </p>
  );

  if (state.status === 'loading') {
    return (
      <Page title={t('outbox.message.loadingTitle')}>
        <Skeleton lines={8} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('outbox.message.failedTitle')}>
        <ProblemAlert title={t('outbox.message.loadFailed')} problem={state.problem} onRetry={reload} />
        {back}
      </Page>
    );
  }
  const message = state.data;
  return (
    <Page title={message.subject} documentTitle={t('outbox.message.documentTitle')}>
      {back}
      <dl className="arch-facts">
        <dt>{t('outbox.columns.recipient')}</dt>
        <dd>{message.recipient}</dd>
        <dt>{t('outbox.columns.language')}</dt>
        <dd>{t(`language.names.${message.language}`, { ns: 'ui', defaultValue: message.language })}</dd>
        <dt>{t('outbox.message.template')}</dt>
        <dd>
          <code>{message.template}</code>
        </dd>
        <dt>{t('outbox.columns.created')}</dt>
        <dd>{format.date(message.createdAt, { dateStyle: 'long', timeStyle: 'medium' })}</dd>
        <dt>{t('outbox.columns.status')}</dt>
        <dd>
          <MessageStatus message={message} />
        </dd>
      </dl>
      <h2>{t('outbox.message.body')}</h2>
      <pre className="studio-message-body" lang={message.language}>
        <LinkedText text={message.textBody} />
      </pre>
    </Page>
  );
}

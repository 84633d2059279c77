import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { FormField, Page, Skeleton, Table, useFormatters } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { FilterForm } from '../components/FilterForm';
import { Pagination, pageFromParams } from '../components/Pagination';
import { ProblemAlert } from '../components/ProblemAlert';
import { MessageStatus } from './MessageStatus';

const PAGE_SIZE = 20;

type Message = Schemas['MailMessageSummary'];

/** Every message the platform sent or stored, newest first; platform admins read invitations and resets here. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const recipient = params.get('recipient') ?? '';
  const page = pageFromParams(params);
  const { state, reload } = useApiData(`${recipient}|${page}`, (signal) =>
    api.GET('/api/outbox', {
      params: { query: { recipient: recipient || undefined, page, pageSize: PAGE_SIZE } },
      signal,
    }),
  );

  return (
    <Page title={t('outbox.title')}>
      <p>{t('outbox.intro')}</p>
      <FilterForm label={t('outbox.filtersLabel')} names={['recipient']}>
        <FormField label={t('outbox.recipient')}>
          <input
            className="arch-input"
            name="recipient"
            type="email"
            spellCheck={false}
            defaultValue={recipient}
          />
        </FormField>
      </FilterForm>

      {state.status === 'loading' ? <Skeleton lines={8} label={t('outbox.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('outbox.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {state.status === 'ready' ? (
        state.data.items.length === 0 ? (
          <p>{recipient ? t('outbox.noneFor', { recipient }) : t('outbox.none')}</p>
        ) : (
          <>
            <Table<Message>
              caption={t('outbox.caption')}
              rows={state.data.items}
              rowKey={(message) => message.id}
              columns={[
                {
                  key: 'subject',
                  header: t('outbox.columns.subject'),
                  render: (message) => <Link to={`/outbox/${message.id}`}>{message.subject}</Link>,
                },
                { key: 'recipient', header: t('outbox.columns.recipient'), render: (m) => m.recipient },
                {
                  key: 'language',
                  header: t('outbox.columns.language'),
                  render: (m) => t(`language.names.${m.language}`, { ns: 'ui', defaultValue: m.language }),
                },
                {
                  key: 'created',
                  header: t('outbox.columns.created'),
                  render: (m) => format.date(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                },
                {
                  key: 'status',
                  header: t('outbox.columns.status'),
                  render: (m) => <MessageStatus message={m} />,
                },
              ]}
            />
            <Pagination
              label={t('outbox.pagination')}
              page={state.data.page}
              pageSize={state.data.pageSize}
              total={state.data.total}
            />
          </>
        )
      ) : null}
    </Page>
  );
}

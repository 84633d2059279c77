import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { FormField, Page, useFormatters } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
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

      <PagedTable<Message>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('outbox.loading')}
        loadFailedTitle={t('outbox.loadFailed')}
        empty={recipient ? t('outbox.noneFor', { recipient }) : t('outbox.none')}
        caption={t('outbox.caption')}
        rowKey={(message) => message.id}
        paginationLabel={t('outbox.pagination')}
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
    </Page>
  );
}

import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { ErrorSummary, FormField, Page, useFormatters } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { FilterForm } from '../components/FilterForm';
import { pageFromParams } from '../components/Pagination';
import { PagedTable } from '../components/PagedTable';
import { EventDetails } from './EventDetails';
import { endOfDay, startOfDay } from './dateRange';

const PAGE_SIZE = 25;
const FILTERS = ['action', 'actor', 'from', 'to'] as const;
const FIELD_IDS: Record<string, string> = {
  action: 'audit-action',
  actor: 'audit-actor',
  from: 'audit-from',
  to: 'audit-to',
};

type AuditEvent = Schemas['AuditEventView'];

/** Who did what, when and from where: the append-only record, newest first. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const page = pageFromParams(params);
  const { state, reload } = useApiData(`${params.toString()}`, (signal) =>
    api.GET('/api/audit-events', {
      params: {
        query: {
          action: filters.action || undefined,
          actor: filters.actor || undefined,
          from: startOfDay(filters.from),
          to: endOfDay(filters.to),
          page,
          pageSize: PAGE_SIZE,
        },
      },
      signal,
    }),
  );
  // A filter the API refused (e.g. an action with capitals) is shown at that filter.
  const fieldErrors =
    state.status === 'failed'
      ? state.problem.errors
          .filter((error) => FIELD_IDS[error.field])
          .map((error) => ({ fieldId: FIELD_IDS[error.field]!, message: error.message }))
      : [];
  const errorFor = (name: string) => fieldErrors.find((error) => error.fieldId === FIELD_IDS[name])?.message;

  return (
    <Page title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      {fieldErrors.length > 0 ? <ErrorSummary errors={fieldErrors} /> : null}
      <FilterForm label={t('audit.filtersLabel')} names={[...FILTERS]}>
        <FormField
          label={t('audit.filters.action')}
          hint={t('audit.filters.actionHint')}
          id={FIELD_IDS.action}
          error={errorFor('action')}
        >
          <input className="arch-input" name="action" spellCheck={false} defaultValue={filters.action} />
        </FormField>
        <FormField label={t('audit.filters.actor')} id={FIELD_IDS.actor} error={errorFor('actor')}>
          <input
            className="arch-input"
            name="actor"
            type="email"
            spellCheck={false}
            defaultValue={filters.actor}
          />
        </FormField>
        <FormField label={t('audit.filters.from')} id={FIELD_IDS.from} error={errorFor('from')}>
          <input className="arch-input" name="from" type="date" defaultValue={filters.from} />
        </FormField>
        <FormField label={t('audit.filters.to')} id={FIELD_IDS.to} error={errorFor('to')}>
          <input className="arch-input" name="to" type="date" defaultValue={filters.to} />
        </FormField>
      </FilterForm>

      <PagedTable<AuditEvent>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('audit.loading')}
        loadFailedTitle={t('audit.loadFailed')}
        showFailure={fieldErrors.length === 0}
        empty={t('audit.none')}
        caption={t('audit.caption')}
        rowKey={(event) => event.id}
        paginationLabel={t('audit.pagination')}
        columns={[
          {
            key: 'when',
            header: t('audit.columns.when'),
            render: (event) => (
              <time dateTime={event.occurredAt}>
                {format.date(event.occurredAt, { dateStyle: 'medium', timeStyle: 'medium' })}
              </time>
            ),
          },
          {
            key: 'action',
            header: t('audit.columns.action'),
            render: (event) => <code>{event.action}</code>,
          },
          {
            key: 'actor',
            header: t('audit.columns.actor'),
            render: (event) => event.actorEmail ?? t('audit.noActor'),
          },
          {
            key: 'target',
            header: t('audit.columns.target'),
            render: (event) =>
              event.targetType ? `${event.targetType} ${event.targetId ?? ''}`.trim() : t('audit.noTarget'),
          },
          {
            key: 'from',
            header: t('audit.columns.from'),
            render: (event) =>
              [event.ip, event.userAgent].filter(Boolean).join(' — ') || t('audit.unknownClient'),
          },
          {
            key: 'details',
            header: t('audit.columns.details'),
            render: (event) => <EventDetails details={event.details} />,
          },
        ]}
      />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, useAnnounce, useFormatters } from '@archipelago/ui';
import { api } from '../../api';
import { useApiData } from '../../data/useApiData';
import { useSubmit } from '../../data/useSubmit';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PagedTable } from '../../components/PagedTable';

type AccessRequest = Schemas['AccessRequestView'];

/** Pending requests to join the course (courses by invitation), oldest first, to approve or decline. */
export function AccessRequestsSection({ courseId, onDecided }: { courseId: string; onDecided: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const decision = useSubmit();
  const { state, reload } = useApiData(courseId, (signal) =>
    api.GET('/api/studio/courses/{id}/access-requests', {
      params: { path: { id: courseId }, query: { pageSize: 100 } },
      signal,
    }),
  );

  const decide = async (request: AccessRequest, verdict: 'approve' | 'decline') => {
    const path = { id: courseId, requestId: request.id };
    const result = await decision.run(() =>
      verdict === 'approve'
        ? api.POST('/api/studio/courses/{id}/access-requests/{requestId}/approve', { params: { path } })
        : api.POST('/api/studio/courses/{id}/access-requests/{requestId}/decline', { params: { path } }),
    );
    if (result.ok) {
      announce(
        t(verdict === 'approve' ? 'courses.access.approved' : 'courses.access.declined', {
          name: request.displayName,
        }),
      );
      reload();
      onDecided();
    }
  };

  return (
    <section className="studio-section" aria-labelledby="course-access-heading">
      <h2 id="course-access-heading">{t('courses.access.title')}</h2>
      {decision.problem ? (
        <ProblemAlert
          key={decision.failures}
          title={t('courses.access.failed')}
          problem={decision.problem}
          headingLevel={3}
        />
      ) : null}
      <PagedTable<AccessRequest>
        state={state}
        reload={reload}
        loadingLines={2}
        loadingLabel={t('courses.access.loading')}
        loadFailedTitle={t('courses.access.loadFailed')}
        headingLevel={3}
        empty={<p>{t('courses.access.none')}</p>}
        caption={t('courses.access.caption')}
        rowKey={(request) => request.id}
        paginationLabel={t('courses.access.pagination')}
        pageParam="accessPage"
        columns={[
          {
            key: 'name',
            header: t('courses.access.columns.name'),
            render: (request) => (
              <>
                {request.displayName}
                <br />
                <span className="studio-muted">{request.email}</span>
              </>
            ),
          },
          {
            key: 'message',
            header: t('courses.access.columns.message'),
            render: (request) => request.message || '—',
          },
          {
            key: 'createdAt',
            header: t('courses.access.columns.createdAt'),
            render: (request) => format.date(request.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
          },
          {
            key: 'actions',
            header: t('courses.access.columns.actions'),
            render: (request) => (
              <div className="studio-row-actions">
                <Button
                  variant="primary"
                  disabled={decision.busy}
                  onClick={() => void decide(request, 'approve')}
                  aria-label={t('courses.access.approveLabel', { name: request.displayName })}
                >
                  {t('courses.access.approve')}
                </Button>
                <Button
                  variant="secondary"
                  disabled={decision.busy}
                  onClick={() => void decide(request, 'decline')}
                  aria-label={t('courses.access.declineLabel', { name: request.displayName })}
                >
                  {t('courses.access.decline')}
                </Button>
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}

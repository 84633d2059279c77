import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { useAnnounce, useFormatters } from '@archipelago/ui';
import { api } from '../../api';
import { useApiData } from '../../data/useApiData';
import { useSubmit } from '../../data/useSubmit';
import { ConfirmButton } from '../../components/ConfirmButton';
import { pageFromParams } from '../../components/Pagination';
import { PagedTable } from '../../components/PagedTable';
import { AccessRequestsSection } from './AccessRequestsSection';

const PAGE_SIZE = 20;
// The course page has two paged lists, each with its own page parameter.
const PAGE_PARAM = 'learnersPage';

type Learner = Schemas['CourseLearner'];

/**
 * Who is taking the course, on which version and how far they are; moving learners on older
 * versions to the latest one. Trainers see progress, never reflection answers.
 */
export function LearnersSection({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const page = pageFromParams(params, PAGE_PARAM);
  const { state, reload } = useApiData(`${courseId}|${page}`, (signal) =>
    api.GET('/api/studio/courses/{id}/learners', {
      params: { path: { id: courseId }, query: { page, pageSize: PAGE_SIZE } },
      signal,
    }),
  );
  const move = useSubmit();
  const latest = state.status === 'ready' ? state.data.latestVersion : null;
  const behind =
    state.status === 'ready' && latest !== null
      ? state.data.items.some((learner) => learner.version < latest)
      : false;

  const confirmMove = async (close: () => void) => {
    if (latest === null) return;
    const result = await move.run(() =>
      api.POST('/api/studio/courses/{id}/learners/move', {
        params: { path: { id: courseId } },
        body: { version: latest },
      }),
    );
    if (result.ok && result.data) {
      close();
      announce(t('courses.learners.moved', { count: result.data.moved, number: latest }));
      reload();
    }
  };

  return (
    <>
      <section className="studio-section" aria-labelledby="course-learners-heading">
        <h2 id="course-learners-heading">{t('courses.learners.title')}</h2>
        <p>{t('courses.learners.intro')}</p>
        {behind && latest !== null ? (
          <ConfirmButton
            label={t('courses.learners.moveAll', { number: latest })}
            variant="secondary"
            dialogTitle={t('courses.learners.moveTitle', { title: courseTitle, number: latest })}
            dialogVariant="primary"
            submit={move}
            onConfirm={confirmMove}
          >
            <p>{t('courses.learners.moveBody', { number: latest })}</p>
          </ConfirmButton>
        ) : null}
        <PagedTable<Learner>
          state={state}
          reload={reload}
          loadingLines={4}
          loadingLabel={t('courses.learners.loading')}
          loadFailedTitle={t('courses.learners.loadFailed')}
          headingLevel={3}
          empty={<p>{t('courses.learners.none')}</p>}
          caption={t('courses.learners.caption')}
          rowKey={(learner) => learner.id}
          paginationLabel={t('courses.learners.pagination')}
          pageParam={PAGE_PARAM}
          columns={[
            {
              key: 'name',
              header: t('courses.learners.columns.name'),
              render: (learner) => (
                <>
                  {learner.displayName}
                  <br />
                  <span className="studio-muted">{learner.email}</span>
                </>
              ),
            },
            {
              key: 'version',
              header: t('courses.learners.columns.version'),
              render: (learner) => t('courses.publishing.versionNumber', { number: learner.version }),
            },
            {
              key: 'progress',
              header: t('courses.learners.columns.progress'),
              render: (learner) =>
                learner.completedAt
                  ? t('courses.learners.completedOn', {
                      date: format.date(learner.completedAt, { dateStyle: 'medium' }),
                    })
                  : t('courses.learners.progress', learner.progress),
            },
            {
              key: 'lastVisitedAt',
              header: t('courses.learners.columns.lastVisit'),
              render: (learner) =>
                learner.lastVisitedAt
                  ? format.date(learner.lastVisitedAt, { dateStyle: 'medium', timeStyle: 'short' })
                  : t('courses.learners.notYet'),
            },
          ]}
        />
      </section>
      <AccessRequestsSection courseId={courseId} onDecided={reload} />
    </>
  );
}

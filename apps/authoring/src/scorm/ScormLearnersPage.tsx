import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@archipelago/ui';
import { PagedTable } from '../components/PagedTable';
import { pageFromParams } from '../components/Pagination';
import { useApiData } from '../data/useApiData';
import { listScormLearners } from './scorm-api';
import { ScormHeader } from './ScormHeader';
import type { ScormLearnerRow } from './scormTypes';
import { useScormFormat } from './useScormFormat';
import { useScormPlace } from './useScormPlace';
import './scorm.css';

const PAGE_SIZE = 25;

/** /scorm/:activityId/learners — each learner's status, score, time and attempts in this SCORM activity. */
export default function ScormLearnersPage() {
  const { t } = useTranslation();
  const show = useScormFormat();
  const { activityId = '' } = useParams();
  const [params] = useSearchParams();
  const page = pageFromParams(params);
  const place = useScormPlace(activityId);
  const { state, reload } = useApiData(`${activityId}|${page}`, (signal) =>
    listScormLearners(activityId, { page, pageSize: PAGE_SIZE }, signal),
  );

  return (
    <Page
      // "Learners: " with nothing after it until the activity's title has loaded would read as broken.
      title={
        place.activityTitle
          ? t('scorm.learners.title', { title: place.activityTitle })
          : t('scorm.learners.short')
      }
      documentTitle={t('scorm.learners.short')}
    >
      <ScormHeader {...place} activityId={activityId} trail={[{ label: t('scorm.learners.short') }]} />
      <p>{t('scorm.learners.intro')}</p>
      <PagedTable<ScormLearnerRow>
        state={state}
        reload={reload}
        loadingLines={6}
        loadingLabel={t('scorm.learners.loading')}
        loadFailedTitle={t('scorm.learners.loadFailed')}
        empty={t('scorm.learners.empty')}
        caption={t('scorm.learners.caption')}
        rowKey={(row) => row.enrolmentId}
        paginationLabel={t('scorm.learners.pagination')}
        columns={[
          {
            key: 'learner',
            header: t('scorm.learners.learner'),
            render: (row) => (
              <>
                <Link
                  to={`/scorm/${activityId}/learners/${row.enrolmentId}`}
                  aria-label={t('scorm.learners.detailsLabel', { name: row.displayName })}
                >
                  {row.displayName}
                </Link>
                <br />
                <span className="studio-muted">{row.email}</span>
              </>
            ),
          },
          {
            key: 'status',
            header: t('scorm.learners.status'),
            render: (row) => (
              <>
                {t('scorm.learners.statusValue', {
                  completion: show.completion(row.completion),
                  success: show.success(row.success),
                })}
                {row.completedAt ? (
                  <>
                    <br />
                    <span className="studio-muted">
                      {t('scorm.learners.completedOn', { date: show.date(row.completedAt) })}
                    </span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: 'score',
            header: t('scorm.learners.score'),
            render: (row) => (row.scoreScaled === null ? t('scorm.noScore') : show.percent(row.scoreScaled)),
          },
          { key: 'time', header: t('scorm.learners.time'), render: (row) => show.duration(row.totalSeconds) },
          {
            key: 'attempts',
            header: t('scorm.learners.attempts'),
            render: (row) => show.number(row.attempts),
          },
          {
            key: 'last',
            header: t('scorm.learners.lastLaunched'),
            render: (row) => (row.lastLaunchedAt ? show.date(row.lastLaunchedAt) : t('scorm.learners.never')),
          },
        ]}
      />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Table, useFormatters } from '@archipelago/ui';

export type CourseVersion = Schemas['CourseVersionSummary'];

/** The published versions, newest first: number, when, by whom and what changed. */
export function VersionsTable({ versions }: { versions: CourseVersion[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (versions.length === 0) return <p>{t('courses.publishing.noVersions')}</p>;
  return (
    <Table<CourseVersion>
      caption={t('courses.publishing.versionsCaption')}
      rows={versions}
      rowKey={(version) => version.number}
      columns={[
        {
          key: 'number',
          header: t('courses.publishing.columns.number'),
          render: (version) => t('courses.publishing.versionNumber', { number: version.number }),
        },
        {
          key: 'publishedAt',
          header: t('courses.publishing.columns.publishedAt'),
          render: (version) => format.date(version.publishedAt, { dateStyle: 'medium', timeStyle: 'short' }),
        },
        {
          key: 'publishedBy',
          header: t('courses.publishing.columns.publishedBy'),
          render: (version) => version.publishedBy ?? t('courses.publishing.formerAccount'),
        },
        {
          key: 'changeLog',
          header: t('courses.publishing.columns.changeLog'),
          render: (version) => <span className="studio-change-log">{version.changeLog}</span>,
        },
      ]}
    />
  );
}

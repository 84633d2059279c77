import { useTranslation } from 'react-i18next';
import { Table } from '@archipelago/ui';
import type { ScormPackageSummary } from './scormTypes';
import { useScormFormat } from './useScormFormat';

/** Earlier uploads of this activity, newest first. Published versions may still play one of them. */
export function PackageHistory({ history }: { history: ScormPackageSummary[] }) {
  const { t } = useTranslation();
  const show = useScormFormat();
  return (
    <section className="studio-section" aria-labelledby="scorm-history-heading">
      <h2 id="scorm-history-heading">{t('scorm.history.title')}</h2>
      {history.length === 0 ? (
        <p>{t('scorm.history.none')}</p>
      ) : (
        <>
          <p>{t('scorm.history.intro')}</p>
          <Table<ScormPackageSummary>
            caption={t('scorm.history.caption')}
            rows={history}
            rowKey={(row) => row.id}
            columns={[
              {
                key: 'uploaded',
                header: t('scorm.history.uploaded'),
                render: (row) => show.date(row.uploadedAt),
              },
              {
                key: 'by',
                header: t('scorm.history.by'),
                render: (row) => row.uploadedBy?.name ?? t('scorm.history.unknownPerson'),
              },
              { key: 'file', header: t('scorm.history.file'), render: (row) => row.originalName },
              { key: 'title', header: t('scorm.history.packageTitle'), render: (row) => row.title },
              {
                key: 'version',
                header: t('scorm.history.version'),
                render: (row) => show.version(row.scormVersion),
              },
              {
                key: 'size',
                header: t('scorm.history.size'),
                render: (row) =>
                  t('scorm.history.sizeValue', {
                    size: show.bytes(row.zipBytes),
                    files: show.number(row.fileCount),
                    count: row.fileCount,
                  }),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

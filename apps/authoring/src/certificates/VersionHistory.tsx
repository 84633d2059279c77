import { useTranslation } from 'react-i18next';
import { Skeleton, Table, useFormatters } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import type { Loaded } from '../data/useApiData';
import type { CertificateTemplateView } from './certificateTypes';

export interface VersionHistoryProps {
  state: Loaded<{ items: CertificateTemplateView[] }>;
  reload: () => void;
}

/** Every saved version, newest first: certificates keep the version they were made with. */
export function VersionHistory({ state, reload }: VersionHistoryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="studio-section" aria-labelledby="certificate-versions-heading">
      <h2 id="certificate-versions-heading">{t('certificates.versions.heading')}</h2>
      {state.status === 'loading' ? <Skeleton lines={3} label={t('certificates.versions.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.versions.loadFailed')}
          problem={state.problem}
          onRetry={reload}
          headingLevel={3}
        />
      ) : null}
      {state.status === 'ready' ? (
        <Table<CertificateTemplateView>
          caption={t('certificates.versions.caption')}
          rows={state.data.items}
          rowKey={(version) => version.id}
          columns={[
            {
              key: 'version',
              header: t('certificates.versions.version'),
              render: (version) => t('certificates.versions.number', { version: version.version }),
            },
            {
              key: 'savedAt',
              header: t('certificates.versions.savedAt'),
              render: (version) =>
                format.date(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
            },
            {
              key: 'savedBy',
              header: t('certificates.versions.savedBy'),
              render: (version) => version.createdBy?.name ?? t('certificates.versions.byDefault'),
            },
            {
              key: 'title',
              header: t('certificates.versions.title'),
              render: (version) => version.title,
            },
          ]}
        />
      ) : null}
    </section>
  );
}

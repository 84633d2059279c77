import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useFormatters, useSession } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isPlatformAdmin } from '../../session/access';
import { getVersion } from './frameworks-api';
import type { VersionView } from './frameworkTypes';
import { VersionEditor } from './VersionEditor';
import { VersionFacts } from './VersionFacts';
import '../assessments/dgca.css';

/** /assessments/framework-versions/:versionId — a draft to edit (platform admins), or a published version to read. */
export default function VersionEditorPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams();
  const { state, reload } = useApiData(versionId, (signal) => getVersion(versionId, signal));

  if (state.status === 'loading') {
    return (
      <Page title={t('dgca:version.loadingTitle')}>
        <Skeleton lines={12} label={t('dgca:version.loading')} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('dgca:version.loadingTitle')}>
        <ProblemAlert title={t('dgca:version.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/assessments/frameworks">{t('dgca:frameworks.back')}</Link>
        </p>
      </Page>
    );
  }
  return <VersionScreen key={state.data.id} loaded={state.data} />;
}

function VersionScreen({ loaded }: { loaded: VersionView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { me } = useSession();
  const [version, setVersion] = useState(loaded);
  const editable = version.status === 'draft' && (me ? isPlatformAdmin(me) : false);
  const title = t('dgca:version.title', { name: version.frameworkName, number: version.number });
  return (
    <Page title={title}>
      <p>
        <Link to={`/assessments/frameworks/${version.frameworkId}`}>
          {t('dgca:version.back', { name: version.frameworkName })}
        </Link>
      </p>
      <p>
        {version.status === 'published' && version.publishedAt
          ? t('dgca:version.publishedOn', { date: format.date(version.publishedAt) })
          : t('dgca:version.draft')}
      </p>
      {editable ? (
        <>
          <p>{t('dgca:editor.intro')}</p>
          <VersionEditor version={version} onSaved={setVersion} />
        </>
      ) : (
        <>
          {version.status === 'published' ? (
            <Alert tone="info" title={t('dgca:version.frozenTitle')}>
              <p>{t('dgca:version.frozenBody')}</p>
            </Alert>
          ) : null}
          <VersionFacts version={version} />
        </>
      )}
    </Page>
  );
}

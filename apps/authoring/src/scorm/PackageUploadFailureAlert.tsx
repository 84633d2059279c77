import { useTranslation } from 'react-i18next';
import { Alert } from '@archipelago/ui';
import { PackageProblemList } from './PackageProblemList';
import type { PackageUploadFailure } from './uploadPackage';
import { useScormFormat } from './useScormFormat';

/**
 * Why an upload gave the activity no new package, in the trainer's language: a refusal lists every
 * problem the package check found; anything else is one sentence saying what to do next.
 */
export function PackageUploadFailureAlert({
  failure,
  name,
  replacing,
}: {
  failure: PackageUploadFailure;
  name: string;
  replacing: boolean;
}) {
  const { t } = useTranslation();
  const show = useScormFormat();
  const unchanged = replacing ? <p>{t('scorm.upload.unchanged')}</p> : null;
  if (failure.kind === 'refused') {
    const errors = failure.problems.filter((problem) => problem.severity === 'error').length;
    return (
      <Alert title={t('scorm.upload.refusedTitle', { name })} headingLevel={3}>
        <p>{t('scorm.upload.refusedIntro', { count: errors })}</p>
        {unchanged}
        <PackageProblemList problems={failure.problems} />
      </Alert>
    );
  }
  let message: string;
  if (failure.kind === 'tooLarge') {
    message =
      failure.limitBytes === undefined
        ? t('scorm.upload.tooLargeUnknown')
        : t('scorm.upload.tooLarge', { limit: show.bytes(failure.limitBytes) });
  } else if (failure.kind === 'notZip') message = t('scorm.upload.notZip');
  else if (failure.kind === 'failed' && failure.status === null) message = t('scorm.upload.unreachable');
  else if (failure.kind === 'failed' && failure.status === 401) message = t('scorm.upload.signedOut');
  else if (failure.kind === 'failed' && (failure.status === 403 || failure.status === 404))
    message = t('scorm.upload.forbidden');
  else if (failure.kind === 'failed' && failure.status === 409) message = t('scorm.upload.conflict');
  else if (failure.kind === 'failed' && failure.status === 429) message = t('scorm.upload.tooMany');
  else message = t('scorm.upload.failed');
  return (
    <Alert title={t('scorm.upload.failedTitle', { name })} headingLevel={3}>
      <p>{message}</p>
      {unchanged}
    </Alert>
  );
}

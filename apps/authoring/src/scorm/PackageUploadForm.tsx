import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, ProgressBar, useAnnounce, useSession } from '@archipelago/ui';
import { PackageProblemList } from './PackageProblemList';
import type { ScormPackageView } from './scormTypes';
import { uploadPackage, type PackageUploadFailure, type UploadProgress } from './uploadPackage';
import { useScormFormat } from './useScormFormat';

export interface PackageUploadFormProps {
  activityId: string;
  /** The activity has a package already: this upload replaces it. */
  replacing: boolean;
  /** An archived course cannot change. */
  disabled: boolean;
  onUploaded: (view: ScormPackageView) => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string; progress: UploadProgress }
  | { kind: 'checking'; name: string };

/**
 * Chooses a zip and sends it with a progress bar (packages can be hundreds of megabytes), then
 * waits while the server unpacks and checks it. A refusal lists every problem the check found in
 * the trainer's language; the activity's current package is untouched by a refused upload.
 */
export function PackageUploadForm({ activityId, replacing, disabled, onUploaded }: PackageUploadFormProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { me } = useSession();
  const show = useScormFormat();
  const fieldId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [failure, setFailure] = useState<{ failure: PackageUploadFailure; name: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const abort = useRef<AbortController | null>(null);
  const lastQuarter = useRef(0);
  const busy = phase.kind !== 'idle';

  // Leaving the page cancels an upload in flight.
  useEffect(() => () => abort.current?.abort(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = form.elements.namedItem('file') as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) {
      setFieldError(t('scorm.upload.chooseFirst'));
      input?.focus();
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    lastQuarter.current = 0;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'sending', name: file.name, progress: { sent: 0, total: file.size } });
    announce(t('scorm.upload.started', { name: file.name }));
    const result = await uploadPackage(
      activityId,
      file,
      me?.csrfToken ?? null,
      (progress) => {
        if (lastQuarter.current === 4) return;
        if (progress.total > 0 && progress.sent >= progress.total) {
          lastQuarter.current = 4;
          setPhase({ kind: 'checking', name: file.name });
          announce(t('scorm.upload.checking', { name: file.name }));
          return;
        }
        setPhase({ kind: 'sending', name: file.name, progress });
        // Screen readers hear every quarter, not every progress event.
        const quarter = Math.floor((progress.sent / Math.max(progress.total, 1)) * 4);
        if (quarter > lastQuarter.current && quarter < 4) {
          lastQuarter.current = quarter;
          announce(t('scorm.upload.percentSent', { percent: show.percent(quarter / 4) }));
        }
      },
      controller.signal,
    );
    abort.current = null;
    setPhase({ kind: 'idle' });
    if (result.ok) {
      form.reset();
      announce(t('scorm.upload.done', { title: result.view.title }));
      onUploaded(result.view);
      return;
    }
    if (result.failure.kind === 'aborted') {
      announce(t('scorm.upload.cancelled'));
      return;
    }
    setFailure({ failure: result.failure, name: file.name });
  };

  return (
    <form className="scorm-upload" noValidate onSubmit={(event) => void submit(event)}>
      <FormField
        id={fieldId}
        label={t(replacing ? 'scorm.upload.replaceLabel' : 'scorm.upload.label')}
        hint={t('scorm.upload.hint')}
        error={fieldError}
      >
        <input
          className="arch-input studio-upload__input"
          type="file"
          name="file"
          accept=".zip,application/zip,application/x-zip-compressed"
          disabled={disabled || busy}
          onChange={() => setFieldError(undefined)}
        />
      </FormField>
      <div className="arch-actions">
        <Button type="submit" disabled={disabled || busy}>
          {t(replacing ? 'scorm.upload.replace' : 'scorm.upload.submit')}
        </Button>
        {phase.kind === 'sending' ? (
          <Button variant="secondary" onClick={() => abort.current?.abort()}>
            {t('scorm.upload.cancel')}
          </Button>
        ) : null}
      </div>
      {phase.kind === 'sending' ? (
        <ProgressBar
          label={t('scorm.upload.progressLabel', { name: phase.name })}
          value={phase.progress.sent}
          max={Math.max(phase.progress.total, 1)}
          valueText={t('scorm.upload.progressText', {
            percent: show.percent(phase.progress.sent / Math.max(phase.progress.total, 1)),
            sent: show.bytes(phase.progress.sent),
            total: show.bytes(phase.progress.total),
          })}
        />
      ) : null}
      {phase.kind === 'checking' ? (
        <p className="studio-upload__status">{t('scorm.upload.checking', { name: phase.name })}</p>
      ) : null}
      {failure ? (
        <UploadFailureAlert failure={failure.failure} name={failure.name} replacing={replacing} />
      ) : null}
    </form>
  );
}

function UploadFailureAlert({
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
        <p>{t('scorm.upload.refusedIntro', { errors })}</p>
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
  else message = t('scorm.upload.failed');
  return (
    <Alert title={t('scorm.upload.failedTitle', { name })} headingLevel={3}>
      <p>{message}</p>
      {unchanged}
    </Alert>
  );
}

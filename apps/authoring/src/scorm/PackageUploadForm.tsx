import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, ProgressBar, useAnnounce, useSession } from '@archipelago/ui';
import { PackageUploadFailureAlert } from './PackageUploadFailureAlert';
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
  const formRef = useRef<HTMLFormElement>(null);
  const shownPhase = useRef<Phase['kind']>('idle');
  const busy = phase.kind !== 'idle';

  // Leaving the page cancels an upload in flight.
  useEffect(() => () => abort.current?.abort(), []);

  // Each phase disables or removes the control that had focus (the submit button, then Cancel),
  // which drops keyboard users at the top of the page. Focus goes to what the phase offers
  // instead: Cancel while sending, the status while checking, the file field once it is over.
  // Only when focus was lost: a finished upload moves it to the new package's details itself.
  useEffect(() => {
    if (shownPhase.current === phase.kind) return;
    shownPhase.current = phase.kind;
    const active = document.activeElement;
    const lost = !active || active === document.body || active.matches(':disabled');
    if (!lost) return;
    const form = formRef.current;
    const selector =
      phase.kind === 'sending'
        ? '.scorm-upload__cancel'
        : phase.kind === 'checking'
          ? '.studio-upload__status'
          : 'input[type="file"]';
    form?.querySelector<HTMLElement>(selector)?.focus();
  }, [phase.kind]);

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
    <form ref={formRef} className="scorm-upload" noValidate onSubmit={(event) => void submit(event)}>
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
          <Button variant="secondary" className="scorm-upload__cancel" onClick={() => abort.current?.abort()}>
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
        <p className="studio-upload__status" tabIndex={-1}>
          {t('scorm.upload.checking', { name: phase.name })}
        </p>
      ) : null}
      {failure ? (
        <PackageUploadFailureAlert failure={failure.failure} name={failure.name} replacing={replacing} />
      ) : null}
    </form>
  );
}

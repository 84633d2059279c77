import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Skeleton, useAnnounce } from '@archipelago/ui';
import { errorFor, FormProblems } from '../components/FormProblems';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import { getCertificateSettings, saveCertificateSettings } from './certificates-api';
import type { CertificateSettings, IssueMode } from './certificateTypes';
import { CheckboxWithHint } from '../components/CheckboxWithHint';

const FIELD_IDS = {
  enabled: 'certificate-settings-enabled',
  issueMode: 'certificate-settings-mode-automatic',
  validityMonths: 'certificate-settings-validity',
};
const ISSUE_MODES: IssueMode[] = ['automatic', 'approval'];

/** Whether the course gives certificates, how (at once or after approval) and for how long they are valid. */
export function CertificateSettingsSection({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const { state, reload } = useApiData(`settings:${courseId}`, (signal) =>
    getCertificateSettings(courseId, signal),
  );
  return (
    <section className="studio-section" aria-labelledby="certificate-settings-heading">
      <h2 id="certificate-settings-heading">{t('certificates.settings.heading')}</h2>
      {state.status === 'loading' ? <Skeleton lines={3} label={t('certificates.settings.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.settings.loadFailed')}
          problem={state.problem}
          onRetry={reload}
          headingLevel={3}
        />
      ) : null}
      {state.status === 'ready' ? <SettingsForm courseId={courseId} loaded={state.data} /> : null}
    </section>
  );
}

function SettingsForm({ courseId, loaded }: { courseId: string; loaded: CertificateSettings }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [enabled, setEnabled] = useState(loaded.enabled);
  const [issueMode, setIssueMode] = useState(loaded.issueMode);
  const [validity, setValidity] = useState(
    loaded.validityMonths === null ? '' : String(loaded.validityMonths),
  );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const months = validity.trim() === '' ? null : Number(validity);
    const result = await submit.run(() =>
      saveCertificateSettings(courseId, { enabled, issueMode, validityMonths: months }),
    );
    if (result.ok) announce(t('certificates.settings.saved'));
  };

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <FormProblems
        problem={submit.problem}
        failures={submit.failures}
        fieldIds={FIELD_IDS}
        title={t('certificates.settings.saveFailed')}
      />
      <CheckboxWithHint
        id={FIELD_IDS.enabled}
        label={t('certificates.settings.enabled')}
        hint={t('certificates.settings.enabledHint')}
        checked={enabled}
        onChange={setEnabled}
      />
      <fieldset className="studio-fieldset" disabled={!enabled}>
        <legend>{t('certificates.settings.issueMode')}</legend>
        {errorFor(submit.problem, 'issueMode') ? (
          <p className="arch-field__error">{errorFor(submit.problem, 'issueMode')}</p>
        ) : null}
        {ISSUE_MODES.map((mode) => (
          <div className="studio-checkbox" key={mode}>
            <input
              type="radio"
              id={`certificate-settings-mode-${mode}`}
              name="issueMode"
              checked={issueMode === mode}
              aria-describedby={`certificate-settings-mode-${mode}-hint`}
              onChange={() => setIssueMode(mode)}
            />
            <label htmlFor={`certificate-settings-mode-${mode}`}>
              {t(`certificates.settings.modes.${mode}`)}
            </label>
            <p className="arch-field__hint" id={`certificate-settings-mode-${mode}-hint`}>
              {t(`certificates.settings.modeHints.${mode}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <FormField
        id={FIELD_IDS.validityMonths}
        label={t('certificates.settings.validity')}
        hint={t('certificates.settings.validityHint')}
        error={errorFor(submit.problem, 'validityMonths')}
      >
        <input
          className="arch-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          step={1}
          value={validity}
          onChange={(event) => setValidity(event.target.value)}
        />
      </FormField>
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('certificates.settings.save')}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorSummary, useAnnounce, useFormatters } from '@archipelago/ui';
import { CheckboxWithHint } from '../../components/CheckboxWithHint';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../data/useSubmit';
import { confirmImport } from '../cohorts-api';
import type { ImportView } from '../cohortTypes';
import { problemCode } from '../problemCode';

const SKIP_ID = 'import-skip-invalid';
const CONSENT_ID = 'import-consent';

/**
 * Step 4: enrol everyone the preview counted. Rows with problems must be fixed or explicitly
 * skipped; reporting fields (sex, age band…) need the institution's word that people agreed.
 */
export function ConfirmImportForm({
  view,
  onConfirmed,
  onStale,
}: {
  view: ImportView;
  onConfirmed: (view: ImportView) => void;
  /** The import is no longer a preview (confirmed in another tab, by someone else, discarded). */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [skip, setSkip] = useState(false);
  const [consent, setConsent] = useState(false);
  // Known from the preview when the API says so, otherwise learnt from its refusal.
  const [consentAsked, setConsentAsked] = useState(false);
  const needsConsent = view.hasReportingFields || consentAsked;
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const [attempts, setAttempts] = useState(0);
  const people = view.counts.newAccounts + view.counts.existingAccounts;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: { fieldId: string; message: string }[] = [];
    if (view.counts.invalid > 0 && !skip)
      missing.push({ fieldId: SKIP_ID, message: t('cohorts:import.confirm.fixOrSkip') });
    if (needsConsent && !consent)
      missing.push({ fieldId: CONSENT_ID, message: t('cohorts:import.confirm.consentMissing') });
    setErrors(missing);
    setAttempts((count) => count + 1);
    if (missing.length > 0) return;
    let code: string | undefined;
    const result = await submit.run(async () => {
      const answer = await confirmImport(view.id, { skipInvalidRows: skip, reportingConsent: consent });
      code = answer.response.ok ? undefined : problemCode(answer.error);
      return answer;
    });
    if (result.ok && result.data) {
      const next = result.data;
      announce(
        t(next.status === 'applied' ? 'cohorts:import.confirm.done' : 'cohorts:import.confirm.started'),
      );
      onConfirmed(next);
      return;
    }
    if (code === 'already-confirmed' || code === 'not-previewed') {
      // What it has become (being applied, applied, discarded) replaces this preview.
      submit.clear();
      onStale();
      return;
    }
    if (code === 'reporting-consent-required') {
      submit.clear();
      setConsentAsked(true);
      setErrors([{ fieldId: CONSENT_ID, message: t('cohorts:import.confirm.consentMissing') }]);
      setAttempts((count) => count + 1);
    }
  };

  const errorOf = (id: string) => errors.find((error) => error.fieldId === id)?.message;

  return (
    <form className="studio-form import-confirm" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>{t('cohorts:import.confirm.title')}</h3>
      {errors.length > 0 ? <ErrorSummary key={attempts} errors={errors} /> : null}
      {submit.problem ? (
        <ProblemAlert
          key={submit.failures}
          problem={submit.problem}
          title={t('cohorts:import.confirm.failed')}
          headingLevel={3}
        />
      ) : null}
      {view.counts.invalid > 0 ? (
        <CheckboxWithHint
          id={SKIP_ID}
          label={t('cohorts:import.confirm.skip', { count: view.counts.invalid })}
          hint={t('cohorts:import.confirm.skipHint')}
          checked={skip}
          onChange={setSkip}
          error={errorOf(SKIP_ID)}
        />
      ) : null}
      {needsConsent ? (
        <CheckboxWithHint
          id={CONSENT_ID}
          label={t('cohorts:import.confirm.consent')}
          hint={t('cohorts:import.confirm.consentHint')}
          checked={consent}
          onChange={setConsent}
          error={errorOf(CONSENT_ID)}
        />
      ) : null}
      <p>
        {people > 0
          ? t('cohorts:import.confirm.summary', {
              invited: format.number(view.counts.newAccounts),
              enrolled: format.number(view.counts.existingAccounts),
            })
          : t('cohorts:import.confirm.nothing')}
      </p>
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('cohorts:import.confirm.submit')}
        </Button>
      </div>
    </form>
  );
}

import { useId, useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormField, useAnnounce } from '@archipelago/ui';
import type { CredentialCheckResult, CredentialProblem, CredentialSummary } from './credential-check';

type Check = { status: 'idle' } | { status: 'checking' } | { status: 'done'; result: CredentialCheckResult };

const HEADING_FOR: Record<CredentialProblem, string> = {
  malformed: 'certificates:fileCheck.invalid',
  unknown_key: 'certificates:fileCheck.invalid',
  signature: 'certificates:fileCheck.invalid',
  keys_unavailable: 'certificates:fileCheck.notChecked',
  status_unchecked: 'certificates:fileCheck.notChecked',
  revoked: 'certificates:fileCheck.revoked',
  expired: 'certificates:fileCheck.expired',
};

/**
 * "Check a credential file": the signature and status are verified in the browser against the
 * issuer's published keys, so a verifier need not trust this page's server-side answer.
 */
export function CredentialFileCheck() {
  const { t } = useTranslation();
  const headingId = useId();
  const announce = useAnnounce();
  const [check, setCheck] = useState<Check>({ status: 'idle' });

  const finish = (result: CredentialCheckResult) => {
    setCheck({ status: 'done', result });
    // The verdict and its reason are read out; the details stay on the page for whoever wants them.
    announce(`${verdictOf(result, t)} ${reasonOf(result, t)}`);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setCheck({ status: 'checking' });
    try {
      const [text, { checkCredentialFile }] = await Promise.all([file.text(), import('./credential-check')]);
      finish(await checkCredentialFile(text));
    } catch {
      // The checker's chunk did not load (checkCredentialFile itself never throws): a connection
      // problem, not a bad file.
      finish({ valid: false, problem: 'keys_unavailable', summary: null });
    }
  };

  return (
    <section className="certificate-file-check" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('certificates:fileCheck.title')}</h2>
      <p>{t('certificates:fileCheck.intro')}</p>
      <FormField label={t('certificates:fileCheck.label')} hint={t('certificates:fileCheck.hint')}>
        <input
          type="file"
          className="arch-input"
          accept=".json,.jwt,application/json"
          onChange={(event) => void onFile(event)}
        />
      </FormField>
      {check.status === 'checking' ? <p>{t('certificates:fileCheck.checking')}</p> : null}
      {check.status === 'done' ? <CheckResult result={check.result} /> : null}
    </section>
  );
}

function CheckResult({ result }: { result: CredentialCheckResult }) {
  const { t } = useTranslation();
  return (
    <div className={`certificate-banner${result.valid ? ' certificate-banner--valid' : ''}`}>
      <h3>{verdictOf(result, t)}</h3>
      <p>{reasonOf(result, t)}</p>
      {result.summary ? <SummaryList summary={result.summary} /> : null}
    </div>
  );
}

function SummaryList({ summary }: { summary: CredentialSummary }) {
  const { t } = useTranslation();
  const value = (text: string | null) => text ?? t('certificates:fileCheck.unknownValue');
  return (
    <dl className="certificate-details">
      <dt>{t('certificates:fileCheck.subject')}</dt>
      <dd>{value(summary.learnerName)}</dd>
      <dt>{t('certificates:fileCheck.achievement')}</dt>
      <dd>{value(summary.achievement)}</dd>
      <dt>{t('certificates:fileCheck.issuer')}</dt>
      <dd>{value(summary.issuer)}</dd>
    </dl>
  );
}

function verdictOf(result: CredentialCheckResult, t: TFunction): string {
  return result.valid ? t('certificates:fileCheck.valid') : t(HEADING_FOR[result.problem]);
}

function reasonOf(result: CredentialCheckResult, t: TFunction): string {
  return result.valid
    ? t('certificates:fileCheck.validBody')
    : t(`certificates:fileCheck.problem.${result.problem}`);
}

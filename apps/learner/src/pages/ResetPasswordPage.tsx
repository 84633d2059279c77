import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorSummary, FormField, Page, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import {
  attempt,
  failedChecks,
  MIN_PASSWORD_LENGTH,
  problemToErrors,
  useFormErrors,
} from '../account/form-errors';
import { LinkProblem } from '../account/LinkProblem';
import { isProblem } from '@archipelago/api-client';

/** The API answers 400 on the `token` field for an unknown, used or expired link. */
function linkUnusable(error: unknown): boolean {
  return isProblem(error) && Boolean(error.errors?.some((e) => e.field === 'token'));
}

const PASSWORD = 'reset-password';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const token = params.get('token');
  const { errors, show } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'done' | 'gone'>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !token) return;
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const invalid = failedChecks([
      [
        PASSWORD,
        password.length >= MIN_PASSWORD_LENGTH,
        t('forms.passwordTooShort', { min: MIN_PASSWORD_LENGTH }),
      ],
    ]);
    if (invalid.length > 0) return show(invalid);
    setBusy(true);
    const result = await attempt(() =>
      api.POST('/api/auth/password-reset/confirm', { body: { token, password } }),
    );
    setBusy(false);
    if (result !== 'offline' && !result.error) {
      setOutcome('done');
      announce(t('reset.done'));
      return;
    }
    if (result !== 'offline' && linkUnusable(result.error)) return setOutcome('gone');
    show(problemToErrors(result, { fields: { password: PASSWORD }, fallbackFieldId: PASSWORD }, t));
  };

  if (!token || outcome === 'gone')
    return <LinkProblem title={t('reset.title')} retryTo="/forgot-password" />;

  if (outcome === 'done') {
    return (
      <Page title={t('reset.doneTitle')} documentTitle={t('reset.title')}>
        <Alert title={t('reset.doneTitle')} tone="info">
          <p>{t('reset.done')}</p>
        </Alert>
        <p>
          <Link to="/sign-in">{t('reset.signIn')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('reset.title')}>
      <p>{t('reset.intro')}</p>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      <form noValidate onSubmit={onSubmit}>
        <FormField
          label={t('reset.password')}
          hint={t('forms.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          id={PASSWORD}
          error={errors.byField[PASSWORD]}
        >
          <input className="arch-input" name="password" type="password" autoComplete="new-password" />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('reset.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

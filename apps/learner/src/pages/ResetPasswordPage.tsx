import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorSummary, Page, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { newPasswordCheck } from '../account/form-errors';
import { NewPasswordField } from '../account/NewPasswordField';
import { useProblemForm } from '../account/useProblemForm';
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
  const { errors, busy, send, fail } = useProblemForm();
  const [outcome, setOutcome] = useState<'done' | 'gone'>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const result = await send([newPasswordCheck(PASSWORD, password, t)], () =>
      api.POST('/api/auth/password-reset/confirm', { body: { token, password } }),
    );
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      setOutcome('done');
      announce(t('reset.done'));
      return;
    }
    if (result !== 'offline' && linkUnusable(result.error)) return setOutcome('gone');
    fail(result, { fields: { password: PASSWORD }, fallbackFieldId: PASSWORD });
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
        <NewPasswordField label={t('reset.password')} id={PASSWORD} error={errors.byField[PASSWORD]} />
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('reset.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

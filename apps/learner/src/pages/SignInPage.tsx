import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, ErrorSummary, FormField, Page, useAnnounce, useSession } from '@archipelago/ui';
import { api } from '../api';
import { safeNextPath } from '../account/next-path';
import { usePublicSettings } from '../account/usePublicSettings';
import { useProblemForm } from '../account/useProblemForm';

const EMAIL = 'sign-in-email';
const PASSWORD = 'sign-in-password';

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const settings = usePublicSettings();
  const { errors, busy, send, fail } = useProblemForm();

  // Someone already signed in who follows a "sign in to continue" link goes straight on.
  if (session.state.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const result = await send(
      [
        [EMAIL, email !== '', t('signIn.emailRequired')],
        [PASSWORD, password !== '', t('signIn.passwordRequired')],
      ],
      () => api.POST('/api/auth/login', { body: { email, password } }),
      { leaving: true },
    );
    if (!result) return;
    if (result !== 'offline' && result.data) {
      session.adopt(result.data);
      announce(t('signIn.done', { name: result.data.user.displayName }));
      navigate(next, { replace: true });
      return;
    }
    fail(result, {
      fields: { email: EMAIL, password: PASSWORD },
      fallbackFieldId: EMAIL,
      byStatus: { 401: t('signIn.wrong'), 403: t('signIn.deactivated') },
    });
  };

  return (
    <Page title={t('signIn.title')}>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      <form noValidate onSubmit={onSubmit}>
        <FormField label={t('signIn.email')} id={EMAIL} error={errors.byField[EMAIL]}>
          <input
            className="arch-input"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
          />
        </FormField>
        <FormField label={t('signIn.password')} id={PASSWORD} error={errors.byField[PASSWORD]}>
          <input className="arch-input" name="password" type="password" autoComplete="current-password" />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </div>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      {settings?.signUpOpen ? (
        <p>
          {t('signIn.noAccount')}{' '}
          <Link to={next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}>
            {t('signIn.createAccount')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}

import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ErrorSummary,
  FormField,
  isLanguage,
  Page,
  Skeleton,
  useAnnounce,
  useSession,
  LanguageOptions,
} from '@archipelago/ui';
import { api } from '../api';
import { looksLikeEmail, newPasswordCheck } from '../account/form-errors';
import { safeNextPath } from '../account/next-path';
import { usePublicSettings } from '../account/usePublicSettings';
import { useProblemForm } from '../account/useProblemForm';
import { NewPasswordField } from '../account/NewPasswordField';

const NAME = 'sign-up-name';
const EMAIL = 'sign-up-email';
const PASSWORD = 'sign-up-password';
const LANGUAGE = 'sign-up-language';

export default function SignUpPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const settings = usePublicSettings();
  const { errors, busy, send, fail } = useProblemForm();

  if (session.state.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const language = String(form.get('preferredLanguage') ?? '');
    const preferredLanguage = isLanguage(language) ? language : 'en';
    const result = await send(
      [
        [NAME, displayName !== '', t('signUp.nameRequired')],
        [EMAIL, looksLikeEmail(email), t('signUp.emailInvalid')],
        newPasswordCheck(PASSWORD, password, t),
      ],
      () => api.POST('/api/auth/sign-up', { body: { email, password, displayName, preferredLanguage } }),
      { leaving: true },
    );
    if (!result) return;
    if (result !== 'offline' && result.data) {
      session.adopt(result.data);
      announce(t('signUp.done'));
      navigate(next === '/' ? '/account' : next, { replace: true });
      return;
    }
    fail(result, {
      fields: { displayName: NAME, email: EMAIL, password: PASSWORD, preferredLanguage: LANGUAGE },
      fallbackFieldId: EMAIL,
      byStatus: { 403: t('signUp.closed'), 409: t('signUp.emailTaken') },
    });
  };

  if (!settings) {
    return (
      <Page title={t('signUp.title')}>
        <Skeleton lines={4} />
      </Page>
    );
  }

  if (!settings.signUpOpen) {
    return (
      <Page title={t('signUp.title')}>
        <Alert title={t('signUp.closedTitle')} tone="info">
          <p>{t('signUp.closed')}</p>
        </Alert>
        <p>
          <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('signUp.title')}>
      <p>{t('signUp.intro')}</p>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      <form noValidate onSubmit={onSubmit}>
        <FormField
          label={t('signUp.name')}
          hint={t('signUp.nameHint')}
          id={NAME}
          error={errors.byField[NAME]}
        >
          <input className="arch-input" name="displayName" autoComplete="name" />
        </FormField>
        <FormField
          label={t('signUp.email')}
          hint={t('signUp.emailHint')}
          id={EMAIL}
          error={errors.byField[EMAIL]}
        >
          <input className="arch-input" name="email" type="email" autoComplete="email" spellCheck={false} />
        </FormField>
        <NewPasswordField label={t('signUp.password')} id={PASSWORD} error={errors.byField[PASSWORD]} />
        <FormField label={t('signUp.language')} id={LANGUAGE} error={errors.byField[LANGUAGE]}>
          <select
            className="arch-input"
            name="preferredLanguage"
            defaultValue={i18n.resolvedLanguage ?? 'en'}
          >
            <LanguageOptions />
          </select>
        </FormField>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {busy ? t('signUp.submitting') : t('signUp.submit')}
          </Button>
        </div>
      </form>
      <p>
        <Link to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}>
          {t('signUp.haveAccount')}
        </Link>
      </p>
    </Page>
  );
}

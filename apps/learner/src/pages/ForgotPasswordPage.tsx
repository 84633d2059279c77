import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorSummary, FormField, Page, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { looksLikeEmail } from '../account/form-errors';
import { useProblemForm } from '../account/useProblemForm';

const EMAIL = 'forgot-email';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { errors, busy, send, fail } = useProblemForm();
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const result = await send([[EMAIL, looksLikeEmail(email), t('forgot.emailInvalid')]], () =>
      api.POST('/api/auth/password-reset', { body: { email } }),
    );
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      setSentTo(email);
      announce(t('forgot.sent', { email }));
      return;
    }
    fail(result, { fields: { email: EMAIL }, fallbackFieldId: EMAIL });
  };

  if (sentTo) {
    return (
      <Page title={t('forgot.sentTitle')} documentTitle={t('forgot.title')}>
        <Alert title={t('forgot.sentTitle')} tone="info">
          <p>{t('forgot.sent', { email: sentTo })}</p>
        </Alert>
        <p>{t('forgot.sentHelp')}</p>
        <p>
          <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('forgot.title')}>
      <p>{t('forgot.intro')}</p>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      <form noValidate onSubmit={onSubmit}>
        <FormField label={t('forgot.email')} id={EMAIL} error={errors.byField[EMAIL]}>
          <input className="arch-input" name="email" type="email" autoComplete="email" spellCheck={false} />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('forgot.submit')}
          </Button>
        </div>
      </form>
      <p>
        <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
      </p>
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ErrorSummary,
  FormField,
  Page,
  Skeleton,
  useAnnounce,
  useSession,
  type FieldError,
} from '@archipelago/ui';
import { safeNextPath } from '../session/nextPath';
import { toProblem } from '../data/problem';
import { problemKey } from '../components/ProblemAlert';

const FIELD_IDS: Record<string, string> = { email: 'sign-in-email', password: 'sign-in-password' };

/** The Studio's own sign-in form; afterwards, back to the page that asked for it. */
export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (session.state.status === 'loading') return <Skeleton lines={4} />;
  // Someone already signed in (another tab, the Back button) has nothing to do here.
  if (session.state.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const missing: FieldError[] = [];
    if (!email) missing.push({ fieldId: FIELD_IDS.email!, message: t('signIn.errors.emailMissing') });
    if (!password)
      missing.push({ fieldId: FIELD_IDS.password!, message: t('signIn.errors.passwordMissing') });
    if (missing.length > 0) {
      setErrors(missing);
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const result = await session.signIn(email, password);
    if (result.ok) {
      announce(t('signIn.signedIn', { name: result.me.user.displayName }));
      await navigate(next, { replace: true });
      setBusy(false);
      return;
    }
    setBusy(false);
    const problem = toProblem(result.problem);
    const fieldErrors = problem.errors
      .filter((error) => FIELD_IDS[error.field])
      .map((error) => ({ fieldId: FIELD_IDS[error.field]!, message: error.message }));
    // Wrong e-mail or password is one answer for both, so it belongs to the form, shown at the e-mail.
    const message = problem.status === 401 ? t('signIn.errors.wrongCredentials') : t(problemKey(problem));
    setErrors(fieldErrors.length > 0 ? fieldErrors : [{ fieldId: FIELD_IDS.email!, message }]);
    setAttempt((count) => count + 1);
  };

  const errorFor = (field: string) => errors.find((error) => error.fieldId === FIELD_IDS[field])?.message;

  return (
    <Page title={t('signIn.title')}>
      <p>{t('signIn.intro')}</p>
      {/* A new key per failed attempt remounts the summary, which moves focus to it again. */}
      {errors.length > 0 ? <ErrorSummary key={attempt} errors={errors} /> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="studio-form">
        <FormField label={t('signIn.email')} id={FIELD_IDS.email} error={errorFor('email')}>
          <input
            className="arch-input"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
          />
        </FormField>
        <FormField label={t('signIn.password')} id={FIELD_IDS.password} error={errorFor('password')}>
          <input className="arch-input" name="password" type="password" autoComplete="current-password" />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </div>
      </form>
      {/* Passwords are reset in the learner app, which holds the account pages (same origin). */}
      <p>
        <a href="/forgot-password">{t('signIn.forgot')}</a>
      </p>
    </Page>
  );
}

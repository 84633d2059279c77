import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ErrorSummary,
  FormField,
  Skeleton,
  useAnnounce,
  useFormatters,
  useSession,
} from '@archipelago/ui';
import { api } from '../api';
import { AccountLayout } from '../account/AccountLayout';
import {
  attempt,
  looksLikeEmail,
  newPasswordCheck,
  problemToErrors,
  useFormErrors,
} from '../account/form-errors';
import { NewPasswordField } from '../account/NewPasswordField';
import { useProblemForm } from '../account/useProblemForm';
import { LoadFailed } from '../account/LoadFailed';
import { useLoad } from '../account/useLoad';
import { describeDevice } from '../account/describe-device';

const CURRENT = 'password-current';
const NEW = 'password-new';
const NEW_EMAIL = 'email-new';
const EMAIL_PASSWORD = 'email-password';
const SESSIONS = 'sessions-list';

export default function AccountSecurityPage() {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('security.title')}>
      <ChangePassword />
      <ChangeEmail />
      <Sessions />
    </AccountLayout>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const headingId = useId();
  const announce = useAnnounce();
  const { errors, busy, send, fail, clear } = useProblemForm();
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    const result = await send(
      [
        [CURRENT, currentPassword !== '', t('security.currentPasswordRequired')],
        newPasswordCheck(NEW, newPassword, t),
      ],
      () => {
        setDone(false);
        return api.POST('/api/me/password', { body: { currentPassword, newPassword } });
      },
    );
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      clear();
      formElement.reset();
      setDone(true);
      announce(t('security.passwordChanged'));
      return;
    }
    fail(result, { fields: { currentPassword: CURRENT, newPassword: NEW }, fallbackFieldId: CURRENT });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('security.passwordTitle')}</h2>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      {done ? (
        <Alert title={t('security.passwordChanged')} tone="info" headingLevel={3}>
          <p>{t('security.passwordChangedBody')}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <FormField label={t('security.currentPassword')} id={CURRENT} error={errors.byField[CURRENT]}>
          <input
            className="arch-input"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
          />
        </FormField>
        <NewPasswordField
          label={t('security.newPassword')}
          name="newPassword"
          id={NEW}
          error={errors.byField[NEW]}
        />
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('security.changePassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ChangeEmail() {
  const { t } = useTranslation();
  const headingId = useId();
  const { me } = useSession();
  const announce = useAnnounce();
  const { errors, busy, send, fail, clear } = useProblemForm();
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newEmail = String(form.get('newEmail') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const result = await send(
      [
        [NEW_EMAIL, looksLikeEmail(newEmail), t('signUp.emailInvalid')],
        [EMAIL_PASSWORD, password !== '', t('security.currentPasswordRequired')],
      ],
      () => api.POST('/api/me/email', { body: { newEmail, password } }),
    );
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      clear();
      formElement.reset();
      setSentTo(newEmail);
      announce(t('security.emailSent', { email: newEmail }));
      return;
    }
    fail(result, {
      fields: { newEmail: NEW_EMAIL, password: EMAIL_PASSWORD },
      fallbackFieldId: NEW_EMAIL,
      byStatus: { 409: t('signUp.emailTaken') },
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('security.emailTitle')}</h2>
      <p>{t('security.emailCurrent', { email: me?.user.email ?? '' })}</p>
      <p>{t('security.emailIntro')}</p>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      {sentTo ? (
        <Alert title={t('security.emailSentTitle')} tone="info" headingLevel={3}>
          <p>{t('security.emailSent', { email: sentTo })}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <FormField label={t('security.newEmail')} id={NEW_EMAIL} error={errors.byField[NEW_EMAIL]}>
          <input
            className="arch-input"
            name="newEmail"
            type="email"
            autoComplete="email"
            spellCheck={false}
          />
        </FormField>
        <FormField
          label={t('security.currentPassword')}
          id={EMAIL_PASSWORD}
          error={errors.byField[EMAIL_PASSWORD]}
        >
          <input className="arch-input" name="password" type="password" autoComplete="current-password" />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('security.changeEmail')}
          </Button>
        </div>
      </form>
    </section>
  );
}

async function loadSessions(signal: AbortSignal) {
  const { data } = await api.GET('/api/me/sessions', { signal });
  return data;
}

function Sessions() {
  const { t } = useTranslation();
  const headingId = useId();
  const { date } = useFormatters();
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { state, reload } = useLoad(loadSessions);
  const { errors, show, clear } = useFormErrors();

  const end = async (id: string, current: boolean) => {
    const result = await attempt(() => api.DELETE('/api/me/sessions/{id}', { params: { path: { id } } }));
    if (result !== 'offline' && !result.error) {
      clear();
      if (current) {
        await session.signOut();
        announce(t('nav.signedOut'));
        navigate('/', { replace: true });
        return;
      }
      announce(t('security.sessionEnded'));
      reload();
      return;
    }
    show(problemToErrors(result, { fields: {}, fallbackFieldId: SESSIONS }, t));
  };

  const endOthers = async () => {
    const result = await attempt(() => api.DELETE('/api/me/sessions'));
    if (result !== 'offline' && !result.error) {
      clear();
      announce(t('security.othersEnded'));
      reload();
      return;
    }
    show(problemToErrors(result, { fields: {}, fallbackFieldId: SESSIONS }, t));
  };

  const when = (value: string) => date(value, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('security.sessionsTitle')}</h2>
      <p>{t('security.sessionsIntro')}</p>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      {state.status === 'loading' ? <Skeleton lines={3} label={t('account.loading')} /> : null}
      {state.status === 'failed' ? <LoadFailed retry={reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <ul className="arch-card-list" id={SESSIONS} tabIndex={-1}>
            {state.data.map((item) => {
              const device = describeDevice(item.userAgent, t('security.unknownDevice'));
              return (
                <li key={item.id} className="arch-card">
                  <h3>
                    {device}
                    {item.current ? ` — ${t('security.thisDevice')}` : ''}
                  </h3>
                  <p>
                    {t('security.lastSeen', { when: when(item.lastSeenAt) })}
                    <br />
                    {t('security.signedInAt', { when: when(item.createdAt) })}
                    {item.ip ? (
                      <>
                        <br />
                        {t('security.address', { ip: item.ip })}
                      </>
                    ) : null}
                  </p>
                  <Button variant="secondary" onClick={() => void end(item.id, item.current)}>
                    {t('security.endSession')}
                    <span className="arch-visually-hidden">
                      {' '}
                      {t('security.endSessionOn', { device, when: when(item.lastSeenAt) })}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
          {state.data.some((item) => !item.current) ? (
            <div className="arch-actions">
              <Button onClick={() => void endOthers()}>{t('security.endOthers')}</Button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

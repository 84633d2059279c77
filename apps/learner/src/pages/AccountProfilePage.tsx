import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ErrorSummary,
  FormField,
  isLanguage,
  setLanguage,
  Skeleton,
  useAnnounce,
  useSession,
  LanguageOptions,
} from '@archipelago/ui';
import { api } from '../api';
import { AccountLayout } from '../account/AccountLayout';
import { attempt } from '../account/form-errors';
import { useProblemForm } from '../account/useProblemForm';
import { LoadFailed } from '../account/LoadFailed';
import { CountryOptions } from '../account/options';
import { useLoad } from '../account/useLoad';

const NAME = 'profile-name';
const LANGUAGE = 'profile-language';
const COUNTRY = 'profile-country';
const DEPARTMENT = 'profile-department';
const JOB = 'profile-job';

async function loadProfile(signal: AbortSignal) {
  const { data } = await api.GET('/api/me/profile', { signal });
  return data;
}

type Profile = NonNullable<Awaited<ReturnType<typeof loadProfile>>>;

export default function AccountProfilePage() {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('account.profileTitle')}>
      <ProfileSection />
    </AccountLayout>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const { state, reload } = useLoad(loadProfile);
  if (state.status === 'loading') return <Skeleton lines={6} label={t('account.loading')} />;
  if (state.status === 'failed') return <LoadFailed retry={reload} />;
  return (
    <>
      <VerificationNotice />
      <ProfileForm profile={state.data} />
    </>
  );
}

/** Until the address is confirmed, says so and offers a new link. */
function VerificationNotice() {
  const { t } = useTranslation();
  const { me } = useSession();
  const announce = useAnnounce();
  const [sent, setSent] = useState<'sent' | 'failed'>();
  if (!me || me.user.emailVerified) return null;
  const resend = async () => {
    const result = await attempt(() => api.POST('/api/me/verification-email'));
    const ok = result !== 'offline' && !result.error;
    setSent(ok ? 'sent' : 'failed');
    announce(ok ? t('account.verificationSent', { email: me.user.email }) : t('forms.failed'));
  };
  return (
    <Alert title={t('account.unverifiedTitle')} tone="info">
      <p>{t('account.unverified', { email: me.user.email })}</p>
      {sent === 'sent' ? <p>{t('account.verificationSent', { email: me.user.email })}</p> : null}
      {sent === 'failed' ? <p>{t('forms.failed')}</p> : null}
      <Button variant="secondary" onClick={() => void resend()}>
        {t('account.resendVerification')}
      </Button>
    </Alert>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const announce = useAnnounce();
  const { errors, busy, send, fail, clear } = useProblemForm();
  const [saved, setSaved] = useState(false);
  const [country, setCountry] = useState(profile.country ?? '');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const displayName = text('displayName');
    const language = text('preferredLanguage');
    const body = {
      displayName,
      preferredLanguage: isLanguage(language) ? language : undefined,
      country: text('country') || null,
      department: text('department') || null,
      jobTitle: text('jobTitle') || null,
    };
    const result = await send([[NAME, displayName !== '', t('signUp.nameRequired')]], () => {
      setSaved(false);
      return api.PATCH('/api/me/profile', { body });
    });
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      clear();
      setSaved(true);
      if (body.preferredLanguage) await setLanguage(body.preferredLanguage).catch(() => undefined);
      announce(t('account.saved'));
      void refresh();
      return;
    }
    fail(result, {
      fields: {
        displayName: NAME,
        preferredLanguage: LANGUAGE,
        country: COUNTRY,
        department: DEPARTMENT,
        jobTitle: JOB,
      },
      fallbackFieldId: NAME,
    });
  };

  return (
    <>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      {saved ? (
        <Alert title={t('account.saved')} tone="info">
          <p>{t('account.savedBody')}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <FormField
          label={t('signUp.name')}
          hint={t('account.nameHint')}
          id={NAME}
          error={errors.byField[NAME]}
        >
          <input
            className="arch-input"
            name="displayName"
            autoComplete="name"
            defaultValue={profile.displayName}
          />
        </FormField>
        <FormField label={t('account.language')} id={LANGUAGE} error={errors.byField[LANGUAGE]}>
          <select className="arch-input" name="preferredLanguage" defaultValue={profile.preferredLanguage}>
            <LanguageOptions />
          </select>
        </FormField>
        <FormField label={t('account.country')} id={COUNTRY} error={errors.byField[COUNTRY]}>
          <select
            className="arch-input"
            name="country"
            value={country}
            onChange={(e) => setCountry(e.target.value)}
          >
            <option value="">{t('account.countryNone')}</option>
            <CountryOptions current={country} />
          </select>
        </FormField>
        <FormField
          label={t('account.department')}
          hint={t('account.departmentHint')}
          id={DEPARTMENT}
          error={errors.byField[DEPARTMENT]}
        >
          <input
            className="arch-input"
            name="department"
            autoComplete="organization"
            defaultValue={profile.department ?? ''}
          />
        </FormField>
        <FormField label={t('account.jobTitle')} id={JOB} error={errors.byField[JOB]}>
          <input
            className="arch-input"
            name="jobTitle"
            autoComplete="organization-title"
            defaultValue={profile.jobTitle ?? ''}
          />
        </FormField>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('account.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

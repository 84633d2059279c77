import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ButtonLink,
  Dialog,
  ErrorSummary,
  FormField,
  Skeleton,
  useAnnounce,
  useSession,
} from '@archipelago/ui';
import { api } from '../api';
import { AccountLayout } from '../account/AccountLayout';
import { useProblemForm } from '../account/useProblemForm';
import { LoadFailed } from '../account/LoadFailed';
import { useLoad } from '../account/useLoad';

const SEX = ['female', 'male', 'another', 'prefer_not_to_say'] as const;
const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus', 'prefer_not_to_say'] as const;
const DISABILITY = ['yes', 'no', 'prefer_not_to_say'] as const;

const FIELD_IDS = {
  sex: 'privacy-sex',
  ageBand: 'privacy-age-band',
  disability: 'privacy-disability',
  islandRegion: 'privacy-island-region',
  consent: 'privacy-consent',
} as const;
const DELETE_PASSWORD = 'delete-password';

function pick<T extends string>(allowed: readonly T[], value: FormDataEntryValue | null): T | undefined {
  return allowed.find((option) => option === value);
}

async function loadReportingProfile(signal: AbortSignal) {
  const { data } = await api.GET('/api/me/reporting-profile', { signal });
  return data;
}

type ReportingProfile = NonNullable<Awaited<ReturnType<typeof loadReportingProfile>>>;

export default function AccountPrivacyPage() {
  const { t } = useTranslation();
  return (
    <AccountLayout title={t('privacy.title')}>
      <ReportingSection />
      <DownloadSection />
      <DeleteSection />
    </AccountLayout>
  );
}

function ReportingSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const { state, reload } = useLoad(loadReportingProfile);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('privacy.reportingTitle')}</h2>
      <p>{t('privacy.reportingIntro')}</p>
      <p>{t('privacy.reportingUse')}</p>
      {state.status === 'loading' ? <Skeleton lines={5} label={t('account.loading')} /> : null}
      {state.status === 'failed' ? <LoadFailed retry={reload} /> : null}
      {state.status === 'ready' ? <ReportingForm profile={state.data} onChanged={reload} /> : null}
    </section>
  );
}

/** A <select> of fixed answers; FormField's id and ARIA wiring pass straight through to it. */
function ChoiceSelect({
  name,
  options,
  defaultValue,
  ...wiring
}: {
  name: 'sex' | 'ageBand' | 'disability';
  options: readonly string[];
  defaultValue: string | null | undefined;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <select className="arch-input" name={name} defaultValue={defaultValue ?? ''} {...wiring}>
      <option value="">{t('privacy.notAnswered')}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {t(`privacy.${name}Options.${option}`)}
        </option>
      ))}
    </select>
  );
}

function ReportingForm({ profile, onChanged }: { profile: ReportingProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { errors, busy, send, fail, clear } = useProblemForm();
  const [message, setMessage] = useState<string>();
  const consentError = errors.byField[FIELD_IDS.consent];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const islandRegion = String(form.get('islandRegion') ?? '').trim();
    const body = {
      consent: true as const,
      sex: pick(SEX, form.get('sex')),
      ageBand: pick(AGE_BANDS, form.get('ageBand')),
      disability: pick(DISABILITY, form.get('disability')),
      islandRegion: islandRegion || undefined,
    };
    const result = await send(
      [[FIELD_IDS.consent, form.get('consent') === 'on', t('privacy.consentRequired')]],
      () => api.PUT('/api/me/reporting-profile', { body }),
    );
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      clear();
      setMessage(t('privacy.saved'));
      announce(t('privacy.saved'));
      return;
    }
    fail(result, { fields: FIELD_IDS, fallbackFieldId: FIELD_IDS.consent });
  };

  const withdraw = async () => {
    const result = await send([], () => api.DELETE('/api/me/reporting-profile'));
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      clear();
      announce(t('privacy.withdrawn'));
      setMessage(t('privacy.withdrawn'));
      onChanged();
      return;
    }
    fail(result, { fields: {}, fallbackFieldId: FIELD_IDS.consent });
  };

  return (
    <>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      {message ? (
        <Alert title={message} tone="info" headingLevel={3}>
          <p>{t('privacy.changeAnyTime')}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <FormField
          label={t('privacy.sex')}
          hint={t('privacy.sexWhy')}
          id={FIELD_IDS.sex}
          error={errors.byField[FIELD_IDS.sex]}
        >
          <ChoiceSelect name="sex" options={SEX} defaultValue={profile.sex} />
        </FormField>
        <FormField
          label={t('privacy.ageBand')}
          hint={t('privacy.ageBandWhy')}
          id={FIELD_IDS.ageBand}
          error={errors.byField[FIELD_IDS.ageBand]}
        >
          <ChoiceSelect name="ageBand" options={AGE_BANDS} defaultValue={profile.ageBand} />
        </FormField>
        <FormField
          label={t('privacy.disability')}
          hint={t('privacy.disabilityWhy')}
          id={FIELD_IDS.disability}
          error={errors.byField[FIELD_IDS.disability]}
        >
          <ChoiceSelect name="disability" options={DISABILITY} defaultValue={profile.disability} />
        </FormField>
        <FormField
          label={t('privacy.islandRegion')}
          hint={t('privacy.islandRegionWhy')}
          id={FIELD_IDS.islandRegion}
          error={errors.byField[FIELD_IDS.islandRegion]}
        >
          <input className="arch-input" name="islandRegion" defaultValue={profile.islandRegion ?? ''} />
        </FormField>
        <div className={consentError ? 'arch-field arch-field--invalid' : 'arch-field'}>
          {consentError ? (
            <p className="arch-field__error" id={`${FIELD_IDS.consent}-error`}>
              <span className="arch-visually-hidden">{t('forms.errorPrefix')} </span>
              {consentError}
            </p>
          ) : null}
          <input
            type="checkbox"
            name="consent"
            id={FIELD_IDS.consent}
            defaultChecked={Boolean(profile.consented)}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? `${FIELD_IDS.consent}-error` : undefined}
          />{' '}
          <label htmlFor={FIELD_IDS.consent}>{t('privacy.consent')}</label>
        </div>
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('privacy.save')}
          </Button>
          {profile.consented ? (
            <Button variant="secondary" onClick={() => void withdraw()} aria-disabled={busy || undefined}>
              {t('privacy.withdraw')}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}

function DownloadSection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('privacy.downloadTitle')}</h2>
      <p>{t('privacy.downloadIntro')}</p>
      <p>
        <ButtonLink href="/api/me/export" download="archipelago-my-data.json" variant="secondary">
          {t('privacy.download')}
        </ButtonLink>
      </p>
    </section>
  );
}

function DeleteSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { errors, busy, send, fail, clear } = useProblemForm();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    const result = await send(
      [[DELETE_PASSWORD, password !== '', t('security.currentPasswordRequired')]],
      () => api.DELETE('/api/me', { body: { password } }),
    );
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      setOpen(false);
      await session.signOut();
      announce(t('privacy.deleted'));
      navigate('/', { replace: true });
      return;
    }
    fail(result, { fields: { password: DELETE_PASSWORD }, fallbackFieldId: DELETE_PASSWORD });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('privacy.deleteTitle')}</h2>
      <p>{t('privacy.deleteIntro')}</p>
      <Button
        variant="danger"
        onClick={() => {
          clear();
          setOpen(true);
        }}
      >
        {t('privacy.deleteOpen')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('privacy.deleteConfirmTitle')}>
        <p>{t('privacy.deleteConfirmBody')}</p>
        <ErrorSummary key={errors.attempt} errors={errors.summary} />
        <form noValidate onSubmit={onSubmit}>
          <FormField
            label={t('security.currentPassword')}
            id={DELETE_PASSWORD}
            error={errors.byField[DELETE_PASSWORD]}
          >
            <input className="arch-input" name="password" type="password" autoComplete="current-password" />
          </FormField>
          <div className="arch-actions">
            <Button type="submit" variant="danger" aria-disabled={busy || undefined}>
              {t('privacy.deleteConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('privacy.deleteCancel')}
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Page, Skeleton, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import { FormProblems } from '../components/FormProblems';
import { ProblemAlert } from '../components/ProblemAlert';
import { CheckboxWithHint } from '../components/CheckboxWithHint';

const FIELD_IDS = { signUpOpen: 'settings-sign-up-open' };

/** Platform-wide settings; for now, whether anyone may create an account without an invitation. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const { state, reload } = useApiData('settings', (signal) => api.GET('/api/settings', { signal }));

  return (
    <Page title={t('settings.title')}>
      {state.status === 'loading' ? <Skeleton lines={3} label={t('settings.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('settings.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {state.status === 'ready' ? <SettingsForm signUpOpen={state.data.signUpOpen} /> : null}
    </Page>
  );
}

function SettingsForm({ signUpOpen: initial }: { signUpOpen: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [signUpOpen, setSignUpOpen] = useState(initial);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await submit.run(() => api.PATCH('/api/settings', { body: { signUpOpen } }));
    if (result.ok) announce(t('settings.saved'));
  };

  return (
    <form className="studio-form" onSubmit={(event) => void onSubmit(event)}>
      <FormProblems
        problem={submit.problem}
        failures={submit.failures}
        fieldIds={FIELD_IDS}
        title={t('settings.saveFailed')}
      />
      <CheckboxWithHint
        id={FIELD_IDS.signUpOpen}
        label={t('settings.signUpOpen')}
        hint={t('settings.signUpOpenHint')}
        checked={signUpOpen}
        onChange={setSignUpOpen}
      />
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageOptions, isLanguage, Button, FormField, useAnnounce, type Language } from '@archipelago/ui';
import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { FormProblems, errorFor } from '../components/FormProblems';
import { ROLES } from '../users/RoleChangeForm';

type Role = Schemas['InstitutionRole'];

const FIELD_IDS = { email: 'invite-email', role: 'invite-role', language: 'invite-language' };

/** "Invite people": e-mails a sign-up link with the role pre-set, in the language chosen. */
export function InviteForm({ institutionId, onInvited }: { institutionId: string; onInvited: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const current = i18n.resolvedLanguage ?? i18n.language;
  const defaultLanguage: Language = isLanguage(current) ? current : 'en';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const role = String(form.get('role')) as Role;
    const language = String(form.get('language'));
    const result = await submit.run(() =>
      api.POST('/api/institutions/{id}/invitations', {
        params: { path: { id: institutionId } },
        body: { email, role, language: isLanguage(language) ? language : undefined },
      }),
    );
    if (result.ok) {
      announce(t('invitations.sent', { email }));
      formRef.current?.reset();
      onInvited();
    }
  };

  return (
    <form ref={formRef} className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <FormProblems
        problem={submit.problem}
        failures={submit.failures}
        fieldIds={FIELD_IDS}
        title={t('invitations.inviteFailed')}
      />
      <FormField
        label={t('invitations.form.email')}
        id={FIELD_IDS.email}
        error={errorFor(submit.problem, 'email')}
      >
        <input className="arch-input" name="email" type="email" autoComplete="off" spellCheck={false} />
      </FormField>
      <FormField
        label={t('invitations.form.role')}
        id={FIELD_IDS.role}
        error={errorFor(submit.problem, 'role')}
      >
        <select className="arch-input" name="role" defaultValue="learner">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label={t('invitations.form.language')}
        hint={t('invitations.form.languageHint')}
        id={FIELD_IDS.language}
        error={errorFor(submit.problem, 'language')}
      >
        <select className="arch-input" name="language" defaultValue={defaultLanguage}>
          <LanguageOptions />
        </select>
      </FormField>
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('invitations.form.submit')}
        </Button>
      </div>
    </form>
  );
}

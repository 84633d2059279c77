import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import { MIN_PASSWORD_LENGTH } from './form-errors';

/**
 * Where someone chooses a password (sign-up, invitation, reset, change): the same hint about the
 * minimum length, and `new-password` so password managers offer to generate and save one.
 */
export function NewPasswordField({
  label,
  id,
  error,
  name = 'password',
}: {
  label: string;
  id: string;
  error: string | undefined;
  name?: string;
}) {
  const { t } = useTranslation();
  return (
    <FormField
      label={label}
      hint={t('forms.passwordHint', { min: MIN_PASSWORD_LENGTH })}
      id={id}
      error={error}
    >
      <input className="arch-input" name={name} type="password" autoComplete="new-password" />
    </FormField>
  );
}

import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ConfirmButton } from '../components/ConfirmButton';

type User = Schemas['UserView'];

/** Deactivate (signs them out everywhere) or reactivate an account, after confirming. */
export function AccountStatusSection({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  if (user.status === 'deleted') return null;
  const deactivating = user.status === 'active';

  const confirm = async (close: () => void) => {
    const path = { params: { path: { id: user.id } } };
    const result = await submit.run(() =>
      deactivating
        ? api.POST('/api/users/{id}/deactivate', path)
        : api.POST('/api/users/{id}/reactivate', path),
    );
    if (result.ok && result.data) {
      close();
      onChanged(result.data);
    }
  };

  return (
    <section className="studio-section" aria-labelledby="user-account">
      <h2 id="user-account">{t('user.accountTitle')}</h2>
      <p>{deactivating ? t('user.deactivateExplain') : t('user.reactivateExplain')}</p>
      <ConfirmButton
        label={deactivating ? t('user.deactivate') : t('user.reactivate')}
        variant={deactivating ? 'danger' : 'primary'}
        dialogTitle={t(deactivating ? 'user.deactivateTitle' : 'user.reactivateTitle', {
          name: user.displayName,
        })}
        dialogVariant={deactivating ? 'danger' : 'primary'}
        submit={submit}
        onConfirm={confirm}
      >
        <p>{deactivating ? t('user.deactivateConfirm') : t('user.reactivateConfirm')}</p>
      </ConfirmButton>
    </section>
  );
}

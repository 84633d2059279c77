import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ConfirmDialog } from '../components/ConfirmDialog';

type User = Schemas['UserView'];

/** Deactivate (signs them out everywhere) or reactivate an account, after confirming. */
export function AccountStatusSection({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  if (user.status === 'deleted') return null;
  const deactivating = user.status === 'active';

  const confirm = async () => {
    const path = { params: { path: { id: user.id } } };
    const result = await submit.run(() =>
      deactivating
        ? api.POST('/api/users/{id}/deactivate', path)
        : api.POST('/api/users/{id}/reactivate', path),
    );
    if (result.ok && result.data) {
      setOpen(false);
      onChanged(result.data);
    }
  };

  return (
    <section className="studio-section" aria-labelledby="user-account">
      <h2 id="user-account">{t('user.accountTitle')}</h2>
      <p>{deactivating ? t('user.deactivateExplain') : t('user.reactivateExplain')}</p>
      <Button variant={deactivating ? 'danger' : 'primary'} onClick={() => setOpen(true)}>
        {deactivating ? t('user.deactivate') : t('user.reactivate')}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          submit.clear();
          setOpen(false);
        }}
        title={t(deactivating ? 'user.deactivateTitle' : 'user.reactivateTitle', { name: user.displayName })}
        confirmLabel={deactivating ? t('user.deactivate') : t('user.reactivate')}
        variant={deactivating ? 'danger' : 'primary'}
        onConfirm={() => void confirm()}
        submit={submit}
      >
        <p>{deactivating ? t('user.deactivateConfirm') : t('user.reactivateConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}

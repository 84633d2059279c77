import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ConfirmDialog } from '../components/ConfirmDialog';

type User = Schemas['UserView'];

/** Grant or withdraw platform administration (platform admins only, never for themselves). */
export function PlatformAdminSection({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  const granting = !user.isPlatformAdmin;

  const confirm = async () => {
    const result = await submit.run(() =>
      api.PATCH('/api/users/{id}/platform-admin', {
        params: { path: { id: user.id } },
        body: { isPlatformAdmin: granting },
      }),
    );
    if (result.ok) {
      setOpen(false);
      announce(t(granting ? 'user.adminGranted' : 'user.adminWithdrawn', { name: user.displayName }));
      onChanged();
    }
  };

  return (
    <section className="studio-section" aria-labelledby="user-platform-admin">
      <h2 id="user-platform-admin">{t('user.platformAdminTitle')}</h2>
      <p>{granting ? t('user.notPlatformAdmin') : t('user.isPlatformAdmin')}</p>
      <Button variant={granting ? 'secondary' : 'danger'} onClick={() => setOpen(true)}>
        {granting ? t('user.grantAdmin') : t('user.withdrawAdmin')}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          submit.clear();
          setOpen(false);
        }}
        title={t(granting ? 'user.grantAdminTitle' : 'user.withdrawAdminTitle', { name: user.displayName })}
        confirmLabel={granting ? t('user.grantAdmin') : t('user.withdrawAdmin')}
        variant={granting ? 'primary' : 'danger'}
        onConfirm={() => void confirm()}
        submit={submit}
      >
        <p>{granting ? t('user.grantAdminConfirm') : t('user.withdrawAdminConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}

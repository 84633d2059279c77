import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { ConfirmButton } from '../components/ConfirmButton';

type User = Schemas['UserView'];

/** Grant or withdraw platform administration (platform admins only, never for themselves). */
export function PlatformAdminSection({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  const granting = !user.isPlatformAdmin;

  const confirm = async (close: () => void) => {
    const result = await submit.run(() =>
      api.PATCH('/api/users/{id}/platform-admin', {
        params: { path: { id: user.id } },
        body: { isPlatformAdmin: granting },
      }),
    );
    if (result.ok) {
      close();
      announce(t(granting ? 'user.adminGranted' : 'user.adminWithdrawn', { name: user.displayName }));
      onChanged();
    }
  };

  return (
    <section className="studio-section" aria-labelledby="user-platform-admin">
      <h2 id="user-platform-admin">{t('user.platformAdminTitle')}</h2>
      <p>{granting ? t('user.notPlatformAdmin') : t('user.isPlatformAdmin')}</p>
      <ConfirmButton
        label={granting ? t('user.grantAdmin') : t('user.withdrawAdmin')}
        variant={granting ? 'secondary' : 'danger'}
        dialogTitle={t(granting ? 'user.grantAdminTitle' : 'user.withdrawAdminTitle', {
          name: user.displayName,
        })}
        dialogVariant={granting ? 'primary' : 'danger'}
        submit={submit}
        onConfirm={confirm}
      >
        <p>{granting ? t('user.grantAdminConfirm') : t('user.withdrawAdminConfirm')}</p>
      </ConfirmButton>
    </section>
  );
}

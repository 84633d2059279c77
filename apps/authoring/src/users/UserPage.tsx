import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Page, Skeleton, Table, useAnnounce, useFormatters, useSession } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { ProblemAlert } from '../components/ProblemAlert';
import { isPlatformAdmin } from '../session/access';
import { RoleChangeForm } from './RoleChangeForm';
import { AccountStatusSection } from './AccountStatusSection';
import { PlatformAdminSection } from './PlatformAdminSection';

type User = Schemas['UserView'];
type Membership = User['memberships'][number];

/** One person: their account, memberships with role changes, (de)activation and platform rights. */
export default function UserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const { state, reload } = useApiData(userId, (signal) =>
    api.GET('/api/users/{id}', { params: { path: { id: userId } }, signal }),
  );

  if (state.status === 'loading') {
    return (
      <Page title={t('user.loadingTitle')}>
        <Skeleton lines={8} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('user.failedTitle')}>
        <ProblemAlert title={t('user.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/users">{t('user.back')}</Link>
        </p>
      </Page>
    );
  }
  return <UserDetails user={state.data} onChanged={reload} />;
}

function UserDetails({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const { me } = useSession();
  const { memberships } = user;
  const isSelf = me?.user.id === user.id;

  return (
    <Page title={user.displayName} documentTitle={t('user.documentTitle', { name: user.displayName })}>
      <p>
        <Link to="/users">{t('user.back')}</Link>
      </p>
      <dl className="arch-facts">
        <dt>{t('users.columns.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.columns.status')}</dt>
        <dd>{t(`accountStatus.${user.status}`)}</dd>
        <dt>{t('user.emailVerified')}</dt>
        <dd>{user.emailVerified ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('user.language')}</dt>
        <dd>
          {t(`language.names.${user.preferredLanguage}`, { ns: 'ui', defaultValue: user.preferredLanguage })}
        </dd>
        <dt>{t('user.createdAt')}</dt>
        <dd>{format.date(user.createdAt)}</dd>
        <dt>{t('users.columns.platformAdmin')}</dt>
        <dd>{user.isPlatformAdmin ? t('common.yes') : t('common.no')}</dd>
      </dl>

      <section className="studio-section" aria-labelledby="user-memberships">
        <h2 id="user-memberships">{t('user.membershipsTitle')}</h2>
        {memberships.length === 0 ? (
          <p>{t('users.noMemberships')}</p>
        ) : (
          <Table<Membership>
            caption={t('user.membershipsCaption', { name: user.displayName })}
            rows={memberships}
            rowKey={(m) => m.institutionId}
            columns={[
              {
                key: 'institution',
                header: t('user.institution'),
                render: (m) => <Link to={`/institutions/${m.institutionId}`}>{m.institutionName}</Link>,
              },
              {
                key: 'role',
                header: t('user.role'),
                render: (m) =>
                  isSelf ? (
                    t(`roles.${m.role}`)
                  ) : (
                    <RoleChangeForm
                      institutionId={m.institutionId}
                      userId={user.id}
                      role={m.role}
                      context={t('members.context', {
                        name: user.displayName,
                        institution: m.institutionName,
                      })}
                      onChanged={onChanged}
                    />
                  ),
              },
            ]}
          />
        )}
      </section>

      {isSelf ? (
        <p className="studio-section">{t('user.selfNote')}</p>
      ) : (
        <>
          <AccountStatusSection
            user={user}
            onChanged={(next) => {
              announce(
                t(next.status === 'active' ? 'user.reactivated' : 'user.deactivated', {
                  name: user.displayName,
                }),
              );
              onChanged();
            }}
          />
          {me && isPlatformAdmin(me) && user.status !== 'deleted' ? (
            <PlatformAdminSection user={user} onChanged={onChanged} />
          ) : null}
        </>
      )}
    </Page>
  );
}

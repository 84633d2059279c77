import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ErrorSummary,
  FormField,
  Page,
  Skeleton,
  useAnnounce,
  useFormatters,
  useSession,
} from '@archipelago/ui';
import { api } from '../api';
import { newPasswordCheck } from '../account/form-errors';
import { NewPasswordField } from '../account/NewPasswordField';
import { useProblemForm } from '../account/useProblemForm';
import { signInPath } from '../account/next-path';
import { useOneShot } from '../account/one-shot';
import { RequestFailed } from '../account/RequestFailed';

const NAME = 'invitation-name';
const PASSWORD = 'invitation-password';
const ACCEPT = 'invitation-accept';
const KNOWN_ROLES = new Set(['learner', 'trainer', 'institution_admin']);

async function loadInvitation(token: string) {
  try {
    const { data, response } = await api.GET('/api/invitations/{token}', { params: { path: { token } } });
    if (data) return { status: 'ready' as const, invitation: data };
    if ([400, 404, 410].includes(response.status)) return { status: 'gone' as const };
    return { status: 'failed' as const };
  } catch {
    return { status: 'failed' as const };
  }
}

type Invitation = NonNullable<
  Extract<Awaited<ReturnType<typeof loadInvitation>>, { status: 'ready' }>['invitation']
>;

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  // Reading an invitation spends nothing, but one request per visit is enough on a slow link.
  const loaded = useOneShot(token ? `invitation:${token}` : null, () => loadInvitation(token ?? ''));

  if (!token || loaded?.status === 'gone') {
    return (
      <Page title={t('invitation.title')}>
        <Alert title={t('invitation.goneTitle')}>
          <p>{t('invitation.gone')}</p>
        </Alert>
      </Page>
    );
  }
  if (!loaded) {
    return (
      <Page title={t('invitation.title')}>
        <Skeleton lines={4} label={t('invitation.loading')} />
      </Page>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <Page title={t('invitation.title')}>
        <RequestFailed />
      </Page>
    );
  }
  return <InvitationDetails token={token} invitation={loaded.invitation} />;
}

function InvitationDetails({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const session = useSession();
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const role = t(`roles.${KNOWN_ROLES.has(invitation.role) ? invitation.role : 'learner'}`);
  const signedInAs = session.me?.user.email;
  const isInvitee = signedInAs?.toLowerCase() === invitation.email.toLowerCase();

  return (
    <Page title={t('invitation.title')}>
      <p className="arch-lead">
        {t('invitation.summary', { institution: invitation.institutionName, role })}
      </p>
      <dl className="arch-facts">
        <dt>{t('invitation.institution')}</dt>
        <dd>{invitation.institutionName}</dd>
        <dt>{t('invitation.role')}</dt>
        <dd>{role}</dd>
        <dt>{t('invitation.email')}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t('invitation.expires')}</dt>
        <dd>{date(invitation.expiresAt)}</dd>
      </dl>
      {session.state.status === 'loading' ? <Skeleton lines={2} /> : null}
      {signedInAs && isInvitee ? (
        <AcceptAsMember token={token} institution={invitation.institutionName} />
      ) : null}
      {signedInAs && !isInvitee ? (
        <Alert title={t('invitation.otherAccountTitle')} tone="info">
          <p>{t('invitation.otherAccount', { signedInAs, invited: invitation.email })}</p>
          <Button variant="secondary" onClick={() => void session.signOut()}>
            {t('nav.signOut')}
          </Button>
        </Alert>
      ) : null}
      {!signedInAs && session.state.status !== 'loading' && invitation.accountExists ? (
        <>
          <p>{t('invitation.existingAccount', { email: invitation.email })}</p>
          <p>
            <Link to={signInPath(here)}>{t('invitation.signInToAccept')}</Link>
          </p>
        </>
      ) : null}
      {!signedInAs && session.state.status !== 'loading' && !invitation.accountExists ? (
        <NewAccountForm
          token={token}
          institution={invitation.institutionName}
          suggestedName={invitation.suggestedDisplayName}
        />
      ) : null}
    </Page>
  );
}

function AcceptAsMember({ token, institution }: { token: string; institution: string }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { errors, busy, send, fail } = useProblemForm();

  const accept = async () => {
    const result = await send([], () => api.POST('/api/invitations/accept', { body: { token } }), {
      leaving: true,
    });
    if (!result) return;
    if (result !== 'offline' && !result.error) {
      await refresh();
      announce(t('invitation.joined', { institution }));
      navigate('/', { replace: true });
      return;
    }
    fail(result, { fields: {}, fallbackFieldId: ACCEPT, byStatus: { 410: t('invitation.gone') } });
  };

  return (
    <>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      <div className="arch-actions">
        <Button id={ACCEPT} onClick={() => void accept()} aria-disabled={busy || undefined}>
          {t('invitation.accept')}
        </Button>
      </div>
    </>
  );
}

function NewAccountForm({
  token,
  institution,
  suggestedName,
}: {
  token: string;
  institution: string;
  /** The name the inviter gave (a cohort invitation): filled in, for them to correct if need be. */
  suggestedName: string | null;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { errors, busy, send, fail } = useProblemForm();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const result = await send(
      [[NAME, displayName !== '', t('signUp.nameRequired')], newPasswordCheck(PASSWORD, password, t)],
      () => api.POST('/api/invitations/accept', { body: { token, displayName, password } }),
      { leaving: true },
    );
    if (!result) return;
    if (result !== 'offline' && result.data) {
      session.adopt(result.data);
      announce(t('invitation.joined', { institution }));
      navigate('/', { replace: true });
      return;
    }
    fail(result, {
      fields: { displayName: NAME, password: PASSWORD },
      fallbackFieldId: NAME,
      byStatus: { 409: t('invitation.accountExists'), 410: t('invitation.gone') },
    });
  };

  return (
    <>
      <h2>{t('invitation.createTitle')}</h2>
      <p>{t('invitation.createIntro')}</p>
      <ErrorSummary key={errors.attempt} errors={errors.summary} />
      <form noValidate onSubmit={onSubmit}>
        <FormField
          label={t('signUp.name')}
          hint={t('signUp.nameHint')}
          id={NAME}
          error={errors.byField[NAME]}
        >
          <input
            className="arch-input"
            name="displayName"
            autoComplete="name"
            defaultValue={suggestedName ?? undefined}
          />
        </FormField>
        <NewPasswordField label={t('signUp.password')} id={PASSWORD} error={errors.byField[PASSWORD]} />
        <div className="arch-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t('invitation.createSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}

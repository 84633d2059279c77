import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@archipelago/api-client';
import { Button, Page, Skeleton, useAnnounce, useFormatters, useSession } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { useSubmit } from '../data/useSubmit';
import { ProblemAlert } from '../components/ProblemAlert';
import { administeredInstitutions, isPlatformAdmin } from '../session/access';
import { InstitutionForm, type InstitutionFields } from './InstitutionForm';
import { MembersSection } from './MembersSection';
import { InvitationsSection } from './InvitationsSection';

type Institution = Schemas['InstitutionSummary'];

/** One institution: its details (editable by platform admins), its members and its invitations. */
export default function InstitutionPage() {
  const { t } = useTranslation();
  const { institutionId = '' } = useParams();
  const { state, reload } = useApiData(institutionId, (signal) =>
    api.GET('/api/institutions/{id}', { params: { path: { id: institutionId } }, signal }),
  );

  if (state.status === 'loading') {
    return (
      <Page title={t('institution.loadingTitle')}>
        <Skeleton lines={8} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('institution.failedTitle')}>
        <ProblemAlert title={t('institution.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/institutions">{t('institutions.back')}</Link>
        </p>
      </Page>
    );
  }
  return <InstitutionDetails institution={state.data} onChanged={reload} />;
}

function InstitutionDetails({ institution, onChanged }: { institution: Institution; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const { me } = useSession();
  const platformAdmin = me ? isPlatformAdmin(me) : false;
  const canManage =
    platformAdmin ||
    (me ? administeredInstitutions(me).some((m) => m.institutionId === institution.id) : false);
  const [editing, setEditing] = useState(false);
  const submit = useSubmit();

  const save = async (fields: InstitutionFields) => {
    const result = await submit.run(() =>
      api.PATCH('/api/institutions/{id}', { params: { path: { id: institution.id } }, body: fields }),
    );
    if (result.ok) {
      setEditing(false);
      announce(t('institution.saved', { name: fields.name }));
      onChanged();
    }
  };

  return (
    <Page title={institution.name} documentTitle={t('institution.documentTitle', { name: institution.name })}>
      <p>
        <Link to="/institutions">{t('institutions.back')}</Link>
      </p>
      <section aria-labelledby="institution-details">
        <h2 id="institution-details">{t('institution.detailsTitle')}</h2>
        {editing ? (
          <InstitutionForm
            initial={institution}
            submitLabel={t('institution.save')}
            submit={submit}
            onSubmit={(fields) => void save(fields)}
            onCancel={() => {
              submit.clear();
              setEditing(false);
            }}
          />
        ) : (
          <>
            <dl className="arch-facts">
              <dt>{t('institutions.columns.country')}</dt>
              <dd>{format.region(institution.country)}</dd>
              <dt>{t('institutions.columns.kind')}</dt>
              <dd>{t(`institutionKinds.${institution.kind}`)}</dd>
              <dt>{t('institutions.columns.slug')}</dt>
              <dd>
                <code>{institution.slug}</code>
              </dd>
            </dl>
            {platformAdmin ? (
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('institution.edit')}
              </Button>
            ) : null}
          </>
        )}
      </section>
      <MembersSection
        institutionId={institution.id}
        institutionName={institution.name}
        canManage={canManage}
      />
      {canManage ? (
        <InvitationsSection institutionId={institution.id} institutionName={institution.name} />
      ) : null}
    </Page>
  );
}

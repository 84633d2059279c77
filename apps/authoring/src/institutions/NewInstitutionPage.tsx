import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, useAnnounce } from '@archipelago/ui';
import { api } from '../api';
import { useSubmit } from '../data/useSubmit';
import { InstitutionForm, type InstitutionFields } from './InstitutionForm';

/** Add a school of public administration, ministry or regional body (platform admins). */
export default function NewInstitutionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();

  const create = async (fields: InstitutionFields) => {
    const result = await submit.run(() => api.POST('/api/institutions', { body: fields }));
    if (result.ok && result.data) {
      announce(t('institutions.added', { name: result.data.name }));
      await navigate(`/institutions/${result.data.id}`);
    }
  };

  return (
    <Page title={t('institutions.addTitle')}>
      <p>
        <Link to="/institutions">{t('institutions.back')}</Link>
      </p>
      <InstitutionForm
        submitLabel={t('institutions.add')}
        submit={submit}
        onSubmit={(fields) => void create(fields)}
      />
    </Page>
  );
}

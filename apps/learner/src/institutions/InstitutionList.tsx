import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Skeleton, useFormatters } from '@archipelago/ui';
import { useInstitutions, type Institution } from './useInstitutions';

const KNOWN_KINDS = new Set(['school_of_public_administration', 'ministry', 'regional_body']);

function InstitutionCard({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const { region } = useFormatters();
  const kind = KNOWN_KINDS.has(institution.kind) ? institution.kind : 'other';
  return (
    <li className="arch-card">
      <h3>{institution.name}</h3>
      <p>
        {t('institutions.where', {
          kind: t(`institutions.kinds.${kind}`),
          country: region(institution.country),
        })}
      </p>
    </li>
  );
}

/** "Participating institutions": loading, error with retry, empty and list states. */
export function InstitutionList() {
  const { t } = useTranslation();
  const headingId = useId();
  const { state, retry } = useInstitutions();

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('institutions.title')}</h2>
      <p>{t('institutions.intro')}</p>
      {state.status === 'loading' ? <Skeleton lines={3} label={t('institutions.loading')} /> : null}
      {state.status === 'error' ? (
        <Alert title={t('institutions.errorTitle')} headingLevel={3}>
          <p>{t('institutions.errorBody')}</p>
          <Button onClick={retry}>{t('institutions.retry')}</Button>
        </Alert>
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? <p>{t('institutions.empty')}</p> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <ul className="arch-card-list">
          {state.items.map((institution) => (
            <InstitutionCard key={institution.id} institution={institution} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

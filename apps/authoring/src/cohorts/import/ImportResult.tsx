import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, useFormatters } from '@archipelago/ui';
import type { ImportView } from '../cohortTypes';

/** Step 5: what the confirmation did. Invitations and notifications leave after it committed. */
export function ImportResult({
  view,
  cohortId,
  onStartOver,
}: {
  view: ImportView;
  cohortId: string;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  // What the confirmation did; the preview's counts until the API says (an import applied elsewhere).
  const result = view.result ?? {
    invited: view.counts.newAccounts,
    enrolled: view.counts.existingAccounts,
    alreadyMember: view.counts.alreadyEnrolled,
    alreadyInvited: 0,
    skippedInvalid: view.counts.invalid,
  };
  return (
    <section className="studio-section" aria-labelledby="import-step-heading">
      <h2 id="import-step-heading" tabIndex={-1}>
        {t('cohorts:import.result.title', { name: view.fileName })}
      </h2>
      <dl className="import-counts">
        <div>
          <dt>{t('cohorts:import.result.invited')}</dt>
          <dd>{format.number(result.invited)}</dd>
        </div>
        <div>
          <dt>{t('cohorts:import.result.enrolled')}</dt>
          <dd>{format.number(result.enrolled)}</dd>
        </div>
        <div>
          <dt>{t('cohorts:import.result.already')}</dt>
          <dd>{format.number(result.alreadyMember + result.alreadyInvited)}</dd>
        </div>
        <div>
          <dt>{t('cohorts:import.result.skipped')}</dt>
          <dd>{format.number(result.skippedInvalid)}</dd>
        </div>
      </dl>
      {view.appliedAt ? (
        <p>
          {t('cohorts:import.result.appliedAt', {
            date: format.date(view.appliedAt, { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </p>
      ) : null}
      <p>{t('cohorts:import.result.mail')}</p>
      <div className="arch-actions">
        <Link to={`/cohorts/${cohortId}`}>{t('cohorts:import.result.toCohort')}</Link>
        <Button variant="secondary" onClick={onStartOver}>
          {t('cohorts:import.uploadAnother')}
        </Button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useAnnounce, useFormatters } from '@archipelago/ui';
import { discardImport } from '../cohorts-api';
import type { CohortView, ImportView } from '../cohortTypes';
import { ConfirmImportForm } from './ConfirmImportForm';
import { ImportCounts } from './ImportCounts';
import { ImportProblemsTable } from './ImportProblemsTable';

export interface ImportPreviewProps {
  view: ImportView;
  cohort: CohortView;
  onConfirmed: (view: ImportView) => void;
  /** Someone confirmed or discarded the import meanwhile: read it again. */
  onStale: () => void;
  onStartOver: () => void;
}

/** Step 3: what the file would do, the rows to fix, and the confirmation. Nothing is applied yet. */
export function ImportPreview({ view, cohort, onConfirmed, onStale, onStartOver }: ImportPreviewProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const announce = useAnnounce();
  const [discarding, setDiscarding] = useState(false);

  // The preview is dropped so the history shows only what was used; a failure to drop it is harmless.
  const uploadCorrected = async () => {
    setDiscarding(true);
    await discardImport(view.id).catch(() => undefined);
    setDiscarding(false);
    announce(t('cohorts:import.preview.discarded', { name: view.fileName }));
    onStartOver();
  };

  return (
    <section className="studio-section" aria-labelledby="import-step-heading">
      <h2 id="import-step-heading" tabIndex={-1}>
        {t('cohorts:import.preview.title', { name: view.fileName })}
      </h2>
      <p>
        {t('cohorts:import.preview.intro', {
          rows: format.number(view.totalRows),
          cohort: cohort.name,
        })}
      </p>
      <ImportCounts counts={view.counts} />
      {view.notices.length > 0 ? (
        <>
          <h3>{t('cohorts:import.preview.notices')}</h3>
          <ul>
            {view.notices.map((notice) => (
              <li key={`${notice.code}:${notice.columns.join('|')}`}>
                {t(`cohorts:import.preview.notice.${notice.code}`, {
                  count: notice.columns.length,
                  columns: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                    notice.columns.map((column) => `“${column}”`),
                  ),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.counts.invalid > 0 ? (
        <>
          <h3>{t('cohorts:import.problems.title', { count: view.counts.invalid })}</h3>
          <p>{t('cohorts:import.problems.intro')}</p>
          <ImportProblemsTable importId={view.id} fileName={view.fileName} />
        </>
      ) : (
        <p>{t('cohorts:import.preview.noProblems')}</p>
      )}
      <div className="arch-actions">
        <Button variant="secondary" disabled={discarding} onClick={() => void uploadCorrected()}>
          {t('cohorts:import.uploadCorrected')}
        </Button>
      </div>
      <ConfirmImportForm view={view} onConfirmed={onConfirmed} onStale={onStale} />
    </section>
  );
}

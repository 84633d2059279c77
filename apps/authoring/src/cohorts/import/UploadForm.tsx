import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, LanguageOptions, isLanguage, useAnnounce, type Language } from '@archipelago/ui';
import { isProblem } from '@archipelago/api-client';
import { uploadImport } from '../cohorts-api';
import type { ImportView } from '../cohortTypes';
import { problemCode } from '../problemCode';

const FILE_ID = 'import-file';

/** The headers of the required columns the file lacks, as the API names them (`missingColumns`). */
function missingHeaders(body: unknown): string[] {
  const missing = (body as { missingColumns?: unknown } | null)?.missingColumns;
  if (!Array.isArray(missing)) return [];
  return missing
    .map((entry) => (entry as { header?: unknown }).header)
    .filter((header): header is string => typeof header === 'string');
}

/**
 * Why a file was refused, in the reader's words. The API words its details in English, so a
 * refusal it names by `code` is said entirely from the page's strings (with the missing columns'
 * headers); only a refusal this page does not know shows the API's own words.
 */
export function useRefusalText() {
  const { t } = useTranslation();
  return (status: number | null, body: unknown): string => {
    if (status === null) return t('problem.unreachable');
    if (status === 413) return t('cohorts:import.refused.too-big');
    const code = problemCode(body);
    switch (code) {
      case 'not-csv':
        return `${t('cohorts:import.refused.not-csv')} ${t('cohorts:import.refused.saveAsCsv')}`;
      case 'missing-columns': {
        const headers = missingHeaders(body);
        if (headers.length === 0) return t('cohorts:import.refused.missing-columns');
        const columns = headers.map((text) => t('cohorts:import.refused.quoted', { text })).join(', ');
        return t('cohorts:import.refused.missingNamed', { columns });
      }
      case 'cohort-closed':
        return t('cohorts:page.closedMeanwhile');
      case 'empty-file':
      case 'too-many-rows':
        return t(`cohorts:import.refused.${code}`);
      default: {
        const detail = isProblem(body) ? body.detail : undefined;
        return detail || t('cohorts:import.refused.other');
      }
    }
  };
}

/** Step 2: choose the filled-in file and have it checked; nothing is applied yet. */
export function UploadForm({
  cohortId,
  onUploaded,
  focusOnMount = false,
}: {
  cohortId: string;
  onUploaded: (view: ImportView) => void;
  /** Shown in place of the step whose button was pressed ("Upload a corrected file"). */
  focusOnMount?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const refusalText = useRefusalText();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  // Why the last file was refused, kept as the API answered so it is worded in the current language.
  const [refused, setRefused] = useState<{ status: number | null; body: unknown } | 'no-file' | null>(null);
  const refusal =
    refused === 'no-file'
      ? t('cohorts:import.upload.noFile')
      : refused
        ? refusalText(refused.status, refused.body)
        : undefined;
  const current = i18n.resolvedLanguage ?? i18n.language;
  const defaultLanguage: Language = isLanguage(current) ? current : 'en';
  useEffect(() => {
    if (focusOnMount) inputRef.current?.focus();
  }, [focusOnMount]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    const chosen = String(new FormData(event.currentTarget).get('language') ?? '');
    const language = isLanguage(chosen) ? chosen : defaultLanguage;
    if (!file) {
      setRefused('no-file');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setRefused(null);
    announce(t('cohorts:import.upload.sending', { name: file.name }));
    try {
      const { data, error, response } = await uploadImport(cohortId, file, language);
      if (response.ok && data) {
        announce(t('cohorts:import.upload.sent', { name: file.name }));
        onUploaded(data);
        return;
      }
      setRefused({ status: response.status, body: error });
      announce(refusalText(response.status, error));
    } catch {
      setRefused({ status: null, body: undefined });
    } finally {
      setBusy(false);
    }
    // Cleared so that choosing the same file again (after fixing it) counts as a choice.
    if (inputRef.current) inputRef.current.value = '';
    inputRef.current?.focus();
  };

  return (
    <section className="studio-section" aria-labelledby="import-upload-heading">
      <h2 id="import-upload-heading">{t('cohorts:import.upload.title')}</h2>
      <form className="studio-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormField
          id={FILE_ID}
          label={t('cohorts:import.upload.file')}
          hint={t('cohorts:import.upload.fileHint')}
          error={refusal}
        >
          <input
            ref={inputRef}
            className="arch-input studio-upload__input"
            type="file"
            name="file"
            accept=".csv,text/csv"
            aria-busy={busy ? true : undefined}
          />
        </FormField>
        <FormField
          id="import-language"
          label={t('cohorts:import.upload.language')}
          hint={t('cohorts:import.upload.languageHint')}
        >
          {/* Redrawn when the reader switches language, so it starts from the new one. */}
          <select key={defaultLanguage} className="arch-input" name="language" defaultValue={defaultLanguage}>
            <LanguageOptions />
          </select>
        </FormField>
        <div className="arch-actions">
          <Button type="submit" disabled={busy}>
            {t('cohorts:import.upload.submit')}
          </Button>
        </div>
        {busy ? <p className="studio-upload__status">{t('cohorts:import.upload.checking')}</p> : null}
      </form>
    </section>
  );
}

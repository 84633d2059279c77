import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, useAnnounce } from '@archipelago/ui';
import { ConflictNotice } from '../components/ConflictNotice';
import { errorFor, FormProblems } from '../components/FormProblems';
import { useSubmit } from '../data/useSubmit';
import { BodyField } from './BodyField';
import { CertificatePreview } from './CertificatePreview';
import { getCertificateTemplate, previewCertificatePdf, saveCertificateTemplate } from './certificates-api';
import {
  ORIENTATIONS,
  TEMPLATE_LANGUAGES,
  type CertificateTemplateView,
  type TemplateContent,
} from './certificateTypes';
import { downloadBlob } from './downloadBlob';
import { LogosField } from './LogosField';
import { SignatoriesFields } from './SignatoriesFields';
import { LANGUAGE_ID, normaliseFields, TEMPLATE_FIELD_IDS, TITLE_ID } from './templateFields';
import type { CertificatePlace } from './useCertificatePlace';

const contentOf = (view: CertificateTemplateView): TemplateContent => ({
  title: view.title,
  body: view.body,
  language: view.language,
  orientation: view.orientation,
  logoFileIds: [...view.logoFileIds],
  signatories: view.signatories.map((signatory) => ({ ...signatory })),
});

export interface TemplateEditorProps {
  place: CertificatePlace;
  loaded: CertificateTemplateView;
  /** A new version was saved: the history list reads again. */
  onSaved: () => void;
}

/**
 * The template's fields beside its live preview. Saving makes a new version on top of the one
 * the author started from; if someone saved in between, the author chooses whose to keep.
 */
export function TemplateEditor({ place, loaded, onSaved }: TemplateEditorProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const save = useSubmit();
  const preview = useSubmit();
  const [content, setContent] = useState(() => contentOf(loaded));
  const [version, setVersion] = useState(loaded.version);
  const [conflict, setConflict] = useState<{ theirs?: CertificateTemplateView } | null>(null);
  // Bumped when the form is replaced by another version, so uncontrolled parts start over.
  const [generation, setGeneration] = useState(0);
  const set = <K extends keyof TemplateContent>(key: K, value: TemplateContent[K]) =>
    setContent((current) => ({ ...current, [key]: value }));

  const problem = normaliseFields(save.problem ?? preview.problem);
  const failures = save.failures + preview.failures;
  const signatoryError = (index: number, field: string) =>
    errorFor(problem, `signatories.${index}.${field}`) ??
    (field === 'name' ? errorFor(problem, `signatories.${index}`) : undefined);

  const saveOn = async (expectedVersion: number) => {
    let status = 0;
    const result = await save.run(async () => {
      const answer = await saveCertificateTemplate(place.courseId, { ...content, expectedVersion });
      status = answer.response.status;
      return answer;
    });
    if (result.ok && result.data) {
      setVersion(result.data.version);
      setConflict(null);
      announce(t('certificates.template.saved', { version: result.data.version }));
      onSaved();
      return;
    }
    if (status === 409) {
      save.clear();
      const theirs = await getCertificateTemplate(place.courseId);
      setConflict({ theirs: theirs.data });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saveOn(version);
  };

  const loadTheirs = () => {
    if (!conflict?.theirs) return;
    setContent(contentOf(conflict.theirs));
    setVersion(conflict.theirs.version);
    setConflict(null);
    setGeneration((count) => count + 1);
    announce(t('certificates.template.loadedTheirs', { version: conflict.theirs.version }));
  };

  const overwrite = async () => {
    const current = await getCertificateTemplate(place.courseId);
    if (current.data) await saveOn(current.data.version);
    else save.clear();
  };

  const downloadSample = async () => {
    announce(t('certificates.template.sampleMaking'));
    const result = await preview.run(() => previewCertificatePdf(place.courseId, content));
    if (result.ok && result.data instanceof Blob) {
      downloadBlob(result.data, 'certificate-sample.pdf');
      announce(t('certificates.template.sampleReady'));
    }
  };

  return (
    <div className="certificate-editor" key={generation}>
      <form className="studio-form" aria-labelledby="certificate-template-heading" onSubmit={onSubmit}>
        <h2 id="certificate-template-heading">{t('certificates.template.heading')}</h2>
        {/* Not a live region: a save announces the new version itself. */}
        <p>{t('certificates.template.version', { version })}</p>
        {conflict ? (
          <ConflictNotice
            texts="certificates.conflict"
            canLoadTheirs={conflict.theirs !== undefined}
            onLoadTheirs={loadTheirs}
            onOverwrite={() => void overwrite()}
          />
        ) : null}
        <FormProblems
          problem={problem}
          failures={failures}
          fieldIds={TEMPLATE_FIELD_IDS}
          title={t(save.problem ? 'certificates.template.saveFailed' : 'certificates.template.sampleFailed')}
        />
        <FormField id={TITLE_ID} label={t('certificates.template.title')} error={errorFor(problem, 'title')}>
          <input
            className="arch-input"
            value={content.title}
            maxLength={200}
            onChange={(event) => set('title', event.target.value)}
          />
        </FormField>
        <BodyField
          value={content.body}
          onChange={(body) => set('body', body)}
          error={errorFor(problem, 'body')}
        />
        <FormField
          id={LANGUAGE_ID}
          label={t('certificates.template.language')}
          hint={t('certificates.template.languageHint')}
          error={errorFor(problem, 'language')}
        >
          <select
            className="arch-input"
            value={content.language}
            onChange={(event) => set('language', event.target.value as TemplateContent['language'])}
          >
            {TEMPLATE_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`courses.languages.${language}`)}
              </option>
            ))}
          </select>
        </FormField>
        <fieldset className="studio-fieldset">
          <legend>{t('certificates.template.orientation')}</legend>
          {errorFor(problem, 'orientation') ? (
            <p className="arch-field__error">{errorFor(problem, 'orientation')}</p>
          ) : null}
          {ORIENTATIONS.map((orientation) => (
            <div className="studio-checkbox" key={orientation}>
              <input
                type="radio"
                id={`certificate-template-orientation-${orientation}`}
                name="orientation"
                checked={content.orientation === orientation}
                onChange={() => set('orientation', orientation)}
              />
              <label htmlFor={`certificate-template-orientation-${orientation}`}>
                {t(`certificates.orientations.${orientation}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <LogosField
          institutionId={place.institutionId}
          logoFileIds={content.logoFileIds}
          onChange={(ids) => set('logoFileIds', ids)}
          error={errorFor(problem, 'logoFileIds')}
        />
        <SignatoriesFields
          institutionId={place.institutionId}
          signatories={content.signatories}
          onChange={(signatories) => set('signatories', signatories)}
          errorFor={signatoryError}
        />
        <div className="arch-actions">
          <Button type="submit" disabled={save.busy || conflict !== null}>
            {t('certificates.template.save')}
          </Button>
          <Button variant="secondary" disabled={preview.busy} onClick={() => void downloadSample()}>
            {t('certificates.template.downloadSample')}
          </Button>
        </div>
      </form>
      <CertificatePreview content={content} place={place} />
    </div>
  );
}

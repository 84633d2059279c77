import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormField, LanguageOptions, isLanguage, useAnnounce } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { useSubmit, type Submit } from '../../data/useSubmit';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConflictNotice } from '../../components/ConflictNotice';
import { FormProblems } from '../../components/FormProblems';
import { problemCode } from '../../cohorts/problemCode';
import { DimensionEditor } from './DimensionEditor';
import { ScaleEditor } from './ScaleEditor';
import { deleteVersion, getVersion, listCourses, publishVersion, saveVersion } from './frameworks-api';
import type { VersionView } from './frameworkTypes';
import { focusAfterMove } from './MoveButtons';
import { contentOf, draftFieldIds, draftOf, emptyDimension, moved, type Draft } from './draftState';
import { useFocusLater } from './useFocusLater';
import { useFrameworkRefusal } from './frameworkRefusal';

const ADD_DIMENSION_ID = 'dgca-dimension-add';
const LANGUAGE_ID = 'dgca-version-language';

export interface VersionEditorProps {
  version: VersionView;
  /** The version as saved now (after a save, or someone else's newer one): the page keeps it. */
  onSaved: (version: VersionView) => void;
}

/**
 * A draft version's whole content, saved in one piece against its revision: someone else's newer
 * save is never overwritten unasked. Publishing saves first, then freezes the version.
 */
export function VersionEditor({ version, onSaved }: VersionEditorProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const focusLater = useFocusLater();
  const [draft, setDraft] = useState<Draft>(() => draftOf(version));
  const [revision, setRevision] = useState(version.revision);
  // The content as last saved or loaded: leaving the page with anything else asks first, as the
  // lesson and quiz editors do (the editor saves only on "Save draft").
  const [savedContent, setSavedContent] = useState(() => JSON.stringify(contentOf(draft)));
  const unsaved = useMemo(() => JSON.stringify(contentOf(draft)) !== savedContent, [draft, savedContent]);
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useFrameworkRefusal();
  const problem = refusal(submit.problem, code);
  const fieldIds = useMemo(() => draftFieldIds(draft), [draft]);
  const [conflict, setConflict] = useState<{ theirs: VersionView | undefined } | null>(null);
  const [confirming, setConfirming] = useState<'publish' | 'delete' | null>(null);
  // Publishing and deleting: their refusals are shown in their dialogs, the form's at the form.
  const submitted = useSubmit();
  const [actionCode, setActionCode] = useState<string | undefined>(undefined);
  const action = { ...submitted, problem: refusal(submitted.problem, actionCode) };
  const act: Submit['run'] = (call) =>
    submitted.run(async () => {
      const answer = await call();
      setActionCode(problemCode(answer.error));
      return answer;
    });

  const { state: courseState } = useApiData('dgca-recommendable-courses', (signal) => listCourses(signal));
  const courses =
    courseState.status === 'loading'
      ? undefined
      : courseState.status === 'failed'
        ? null
        : courseState.data.items.map((c) => ({ id: c.id, slug: c.slug, title: c.title }));

  /** Saves the draft on `onRevision`; answers the saved version, or undefined when refused. */
  const saveOn = async (onRevision: number): Promise<VersionView | undefined> => {
    let stale = false;
    const content = contentOf(draft);
    const result = await submit.run(async () => {
      const answer = await saveVersion(version.id, { ...content, revision: onRevision });
      const refused = problemCode(answer.error);
      setCode(refused);
      stale = answer.response.status === 409 && refused === 'stale-version';
      return answer;
    });
    if (result.ok && result.data) {
      const saved = result.data;
      setConflict(null);
      setSavedContent(JSON.stringify(content));
      setRevision(saved.revision);
      onSaved(saved);
      return saved;
    }
    if (stale) {
      submit.clear();
      const theirs = await getVersion(version.id);
      setConflict({ theirs: theirs.data });
    }
    return undefined;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await saveOn(revision)) announce(t('dgca:editor.saved'));
  };

  const overwrite = async () => {
    const current = await getVersion(version.id);
    if (current.data && (await saveOn(current.data.revision))) announce(t('dgca:editor.saved'));
  };

  const loadTheirs = () => {
    if (!conflict?.theirs) return;
    const theirs = draftOf(conflict.theirs);
    setDraft(theirs);
    setSavedContent(JSON.stringify(contentOf(theirs)));
    setRevision(conflict.theirs.revision);
    onSaved(conflict.theirs);
    setConflict(null);
    // The notice goes, with the button that opened its confirmation: focus would fall to the page.
    focusLater(LANGUAGE_ID);
    announce(t('dgca:editor.conflict.loaded'));
  };

  const publish = async () => {
    // What is on screen is what gets published: save it first.
    const saved = await saveOn(revision);
    if (!saved) {
      setConfirming(null);
      return;
    }
    const result = await act(() => publishVersion(version.id, saved.revision));
    if (result.ok) {
      setConfirming(null);
      announce(t('dgca:editor.published', { number: version.number }));
      await navigate(`/assessments/frameworks/${version.frameworkId}`);
    }
  };

  const remove = async () => {
    const result = await act(() => deleteVersion(version.id, revision));
    if (result.ok) {
      setConfirming(null);
      announce(t('dgca:editor.deleted', { number: version.number }));
      await navigate(`/assessments/frameworks/${version.frameworkId}`);
    }
  };

  const changeDimension = (index: number, next: Draft['dimensions'][number]) =>
    setDraft((d) => ({ ...d, dimensions: d.dimensions.map((x, i) => (i === index ? next : x)) }));

  const addDimension = () => {
    const dimension = emptyDimension();
    setDraft((d) => ({ ...d, dimensions: [...d.dimensions, dimension] }));
    focusLater(`dgca-dimension-${dimension.uid}-name`);
    announce(t('dgca:editor.dimensions.added', { number: draft.dimensions.length + 1 }));
  };

  const moveDimension = (from: number, by: -1 | 1) => {
    const dimension = draft.dimensions[from]!;
    setDraft((d) => ({ ...d, dimensions: moved(d.dimensions, from, by) }));
    focusLater(focusAfterMove(`dgca-dimension-${dimension.uid}`, from, by, draft.dimensions.length));
    announce(
      t('dgca:editor.dimensions.moved', {
        name: dimension.name,
        position: from + by + 1,
        count: draft.dimensions.length,
      }),
    );
  };

  const removeDimension = (from: number) => {
    const dimension = draft.dimensions[from]!;
    setDraft((d) => ({ ...d, dimensions: d.dimensions.filter((_, i) => i !== from) }));
    focusLater(ADD_DIMENSION_ID);
    announce(t('dgca:editor.dimensions.removed', { name: dimension.name || from + 1 }));
  };

  return (
    <form className="studio-form dgca-editor" noValidate onSubmit={(event) => void onSubmit(event)}>
      {conflict ? (
        <ConflictNotice
          texts="dgca:editor.conflict"
          canLoadTheirs={conflict.theirs !== undefined}
          onLoadTheirs={loadTheirs}
          onOverwrite={() => void overwrite()}
        />
      ) : null}
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={fieldIds}
        title={t('dgca:editor.failed')}
      />
      <FormField label={t('dgca:editor.language')} hint={t('dgca:editor.languageHint')} id={LANGUAGE_ID}>
        <select
          className="arch-input"
          value={draft.language}
          onChange={(event) => {
            const language = event.target.value;
            if (isLanguage(language)) setDraft((d) => ({ ...d, language }));
          }}
        >
          <LanguageOptions />
        </select>
      </FormField>
      <ScaleEditor
        scale={draft.scale}
        onChange={(scale) => setDraft((d) => ({ ...d, scale }))}
        problem={problem}
        focusLater={focusLater}
      />
      <section id="dgca-dimensions" tabIndex={-1} aria-labelledby="dgca-dimensions-heading">
        <h2 id="dgca-dimensions-heading">{t('dgca:editor.dimensions.title')}</h2>
        <p>{t('dgca:editor.dimensions.intro')}</p>
        {draft.dimensions.map((dimension, index) => (
          <DimensionEditor
            key={dimension.uid}
            dimension={dimension}
            index={index}
            count={draft.dimensions.length}
            onChange={(next) => changeDimension(index, next)}
            onMove={(by) => moveDimension(index, by)}
            onRemove={() => removeDimension(index)}
            courses={courses}
            problem={problem}
            focusLater={focusLater}
          />
        ))}
        <Button id={ADD_DIMENSION_ID} variant="secondary" onClick={addDimension}>
          {t('dgca:editor.dimensions.add')}
        </Button>
      </section>
      <div className="arch-actions dgca-editor__actions">
        <Button type="submit" disabled={submit.busy}>
          {t('dgca:editor.save')}
        </Button>
        <Button
          variant="secondary"
          aria-haspopup="dialog"
          onClick={() => {
            action.clear();
            setConfirming('publish');
          }}
        >
          {t('dgca:editor.publish')}
        </Button>
        <Button
          variant="danger"
          aria-haspopup="dialog"
          onClick={() => {
            action.clear();
            setConfirming('delete');
          }}
        >
          {t('dgca:editor.delete')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming === 'publish'}
        onClose={() => setConfirming(null)}
        title={t('dgca:editor.publishTitle', { name: version.frameworkName, number: version.number })}
        confirmLabel={t('dgca:editor.publish')}
        variant="primary"
        onConfirm={() => void publish()}
        submit={action}
      >
        <p>{t('dgca:editor.publishConfirm')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        onClose={() => setConfirming(null)}
        title={t('dgca:editor.deleteTitle', { number: version.number })}
        confirmLabel={t('dgca:editor.delete')}
        onConfirm={() => void remove()}
        submit={action}
      >
        <p>{t('dgca:editor.deleteConfirm')}</p>
      </ConfirmDialog>
    </form>
  );
}

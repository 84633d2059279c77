import { useCallback, useEffect, useRef, useState } from 'react';
import { toProblem, type Problem } from '../data/problem';
import { currentDraftOf, getQuizDraft, saveQuizDraft } from './quizzes-api';
import { toStoredSlot, type QuizDraftView, type QuizSettings } from './quizTypes';
import type { KeyedSlot } from './SlotList';

let slotKeys = 0;
/** Client-side keys for slots, so rows keep their state and focus as they move. */
export const keyed = (draft: QuizDraftView): KeyedSlot[] =>
  draft.slots.map((slot) => ({ key: `s${++slotKeys}`, slot }));
export const newSlotKey = () => `s${++slotKeys}`;

export type QuizSaveStatus =
  | { kind: 'unchanged' }
  | { kind: 'changed' }
  | { kind: 'saving' }
  | { kind: 'saved'; revision: number }
  /** Someone else saved first: the author chooses which version to keep. */
  | { kind: 'conflict'; theirs: QuizDraftView | undefined }
  | { kind: 'failed'; problem: Problem };

/**
 * The quiz editor's working copy: settings and slots change locally and are saved together with
 * the revision they started from. A stale revision (409) saves nothing until the author chooses.
 */
export function useQuizDraft(activityId: string, loaded: QuizDraftView) {
  const [settings, setSettingsState] = useState<QuizSettings>(loaded.settings);
  const [slots, setSlotsState] = useState<KeyedSlot[]>(() => keyed(loaded));
  const [status, setStatus] = useState<QuizSaveStatus>({ kind: 'unchanged' });
  const [failures, setFailures] = useState(0);
  // Bumped when the content is replaced wholesale (their version): the forms start again from it.
  const [generation, setGeneration] = useState(0);
  const revision = useRef(loaded.revision);

  const setSettings = useCallback((next: QuizSettings) => {
    setSettingsState(next);
    setStatus((current) => (current.kind === 'conflict' ? current : { kind: 'changed' }));
  }, []);
  const setSlots = useCallback((next: KeyedSlot[]) => {
    setSlotsState(next);
    setStatus((current) => (current.kind === 'conflict' ? current : { kind: 'changed' }));
  }, []);

  const save = useCallback(async () => {
    setStatus({ kind: 'saving' });
    try {
      const { data, error, response } = await saveQuizDraft(activityId, {
        revision: revision.current,
        settings,
        slots: slots.map(({ slot }) => toStoredSlot(slot)),
      });
      if (data) {
        revision.current = data.revision;
        // The answer carries each fixed question's summary: keep the keys, take the summaries.
        setSlotsState((current) =>
          current.map((entry, index) => ({ ...entry, slot: data.slots[index] ?? entry.slot })),
        );
        setStatus({ kind: 'saved', revision: data.revision });
        return true;
      }
      if (response.status === 409) {
        const theirs = currentDraftOf(error) ?? (await getQuizDraft(activityId)).data;
        setStatus({ kind: 'conflict', theirs });
      } else {
        setStatus({ kind: 'failed', problem: toProblem(error, response) });
        setFailures((count) => count + 1);
      }
    } catch (error) {
      setStatus({ kind: 'failed', problem: toProblem(error) });
      setFailures((count) => count + 1);
    }
    return false;
  }, [activityId, settings, slots]);

  const loadTheirs = useCallback(() => {
    if (status.kind !== 'conflict' || !status.theirs) return;
    revision.current = status.theirs.revision;
    setSettingsState(status.theirs.settings);
    setSlotsState(keyed(status.theirs));
    setGeneration((count) => count + 1);
    setStatus({ kind: 'unchanged' });
  }, [status]);

  const overwrite = useCallback(async () => {
    if (status.kind !== 'conflict') return;
    const theirs = status.theirs ?? (await getQuizDraft(activityId)).data;
    if (theirs) revision.current = theirs.revision;
    await save();
  }, [activityId, save, status]);

  // Leaving with unsaved changes asks first; the browser shows its own wording.
  const unsaved = status.kind === 'changed' || status.kind === 'conflict' || status.kind === 'failed';
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return {
    settings,
    setSettings,
    slots,
    setSlots,
    status,
    failures,
    generation,
    save,
    loadTheirs,
    overwrite,
  };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor, JSONContent } from '@tiptap/core';
import { isProblem } from '@archipelago/api-client';
import { api } from '../api';
import { toProblem, type Problem } from '../data/problem';
import { toStoredDocument } from './storedDocument';

/** How long typing must pause before an autosave. */
export const AUTOSAVE_DELAY_MS = 2000;

export interface LessonVersion {
  document: JSONContent;
  revision: number;
}

export type SaveStatus =
  | { kind: 'unchanged' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** Someone else saved first: nothing is saved until the author chooses what to keep. */
  | { kind: 'conflict'; theirs: LessonVersion }
  /** The server refused the document (422); `problem.errors` name the paths. */
  | { kind: 'invalid'; problem: Problem }
  | { kind: 'failed'; problem: Problem };

export interface LessonSave {
  status: SaveStatus;
  /** Counts refusals, so the problem summary remounts (and takes focus) after each. */
  failures: number;
  /** Call on every change in the editor. */
  changed: () => void;
  saveNow: () => void;
  /** Replaces the editor's content with the newer version (the caller has asked for confirmation). */
  loadTheirs: () => void;
  /** Saves the author's content over the newer version, knowingly. */
  overwrite: () => void;
}

function conflictVersion(error: unknown): LessonVersion | undefined {
  if (!isProblem(error)) return undefined;
  const current = (error as { current?: { document?: unknown; revision?: unknown } }).current;
  if (!current || typeof current.revision !== 'number' || typeof current.document !== 'object')
    return undefined;
  return { document: current.document as JSONContent, revision: current.revision };
}

/**
 * Saves a lesson with optimistic locking: autosave after a pause in typing, or at once on request.
 * A 409 stops autosaving and keeps the author's content until they choose; nothing is overwritten
 * silently. One request at a time; changes made during a save are saved right after it.
 */
export function useLessonSave(
  activityId: string,
  editor: Editor | null,
  initialRevision: number,
): LessonSave {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'unchanged' });
  const [failures, setFailures] = useState(0);
  const revision = useRef(initialRevision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const blocked = useRef(false);

  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), AUTOSAVE_DELAY_MS);
  }, []);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    if (!editor || blocked.current) return;
    if (inFlight.current) return; // the running save looks at `dirty` when it ends
    inFlight.current = true;
    dirty.current = false;
    // Retried after a pause only when trying again can help: no answer, or a server error.
    let retry = true;
    setStatus({ kind: 'saving' });
    const document = toStoredDocument(editor.getJSON());
    try {
      const { data, error, response } = await api.PUT('/api/studio/lessons/{activityId}', {
        params: { path: { activityId } },
        body: { document, revision: revision.current },
      });
      if (data) {
        revision.current = data.revision;
        setStatus({ kind: 'saved', at: new Date(data.updatedAt) });
      } else {
        dirty.current = true;
        const theirs = response.status === 409 ? conflictVersion(error) : undefined;
        if (theirs) {
          blocked.current = true;
          setStatus({ kind: 'conflict', theirs });
        } else {
          const problem = toProblem(error, response);
          setStatus(response.status === 422 ? { kind: 'invalid', problem } : { kind: 'failed', problem });
          setFailures((count) => count + 1);
          retry = response.status >= 500;
        }
      }
    } catch (error) {
      dirty.current = true;
      setStatus({ kind: 'failed', problem: toProblem(error) });
      setFailures((count) => count + 1);
    } finally {
      inFlight.current = false;
    }
    // Typing continued during the save, or a save can be retried: again after the usual pause.
    if (dirty.current && retry && !blocked.current) schedule();
  }, [activityId, editor, schedule]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const changed = useCallback(() => {
    dirty.current = true;
    if (blocked.current) return;
    setStatus((current) => (current.kind === 'saving' ? current : { kind: 'pending' }));
    schedule();
  }, [schedule]);

  const saveNow = useCallback(() => {
    if (!blocked.current) void save();
  }, [save]);

  const loadTheirs = useCallback(() => {
    if (status.kind !== 'conflict' || !editor) return;
    // Not an edit by this author: it must not trigger an autosave or join the undo history.
    editor
      .chain()
      .setMeta('addToHistory', false)
      .setContent(status.theirs.document, { emitUpdate: false })
      .run();
    revision.current = status.theirs.revision;
    blocked.current = false;
    dirty.current = false;
    setStatus({ kind: 'unchanged' });
  }, [editor, status]);

  const overwrite = useCallback(() => {
    if (status.kind !== 'conflict') return;
    revision.current = status.theirs.revision;
    blocked.current = false;
    void save();
  }, [save, status]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // Closing the tab with an unsaved change asks first; the browser shows its own wording.
  const unsaved = status.kind !== 'unchanged' && status.kind !== 'saved';
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { status, failures, changed, saveNow, loadTheirs, overwrite };
}

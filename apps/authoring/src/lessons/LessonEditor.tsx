import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Button } from '@archipelago/ui';
import { ConflictNotice } from '../components/ConflictNotice';
import { EditorDialog, type DialogKind } from './dialogs';
import { DocumentProblems } from './DocumentProblems';
import { lessonExtensions } from './extensions';
import { LessonPreview } from './LessonPreview';
import { SaveStatusText } from './SaveStatusText';
import { toStoredDocument } from './storedDocument';
import { tableState, tableTools } from './tableTools';
import { Toolbar, type ToolbarItem } from './Toolbar';
import { useLessonSave, type LessonVersion } from './useLessonSave';
import { useNodeLabels } from './useNodeLabels';

const EDITOR_ID = 'lesson-content';
const HEADING_LEVELS = [2, 3, 4] as const;

function toolbarState(editor: Editor) {
  const level = HEADING_LEVELS.find((l) => editor.isActive('heading', { level: l }));
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    code: editor.isActive('code'),
    subscript: editor.isActive('subscript'),
    superscript: editor.isActive('superscript'),
    link: editor.isActive('link'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    block: level ? String(level) : 'paragraph',
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
    ...tableState(editor),
  };
}

/** The editing surface for one lesson: toolbar, content, saving and the learner preview. */
export function LessonEditor({ activityId, initial }: { activityId: string; initial: LessonVersion }) {
  const { t } = useTranslation();
  const labels = useNodeLabels();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [preview, setPreview] = useState<JSONContent | null>(null);
  const editor = useEditor({
    extensions: lessonExtensions(labels),
    content: initial.document,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        id: EDITOR_ID,
        class: 'lesson-prose lesson-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('lessonEditor.contentLabel'),
      },
    },
  });
  const save = useLessonSave(activityId, editor, initial.revision);
  const { changed, saveNow } = save;
  const state = useEditorState({ editor, selector: ({ editor: e }) => toolbarState(e) });

  useEffect(() => {
    editor.on('update', changed);
    return () => {
      editor.off('update', changed);
    };
  }, [editor, changed]);

  // Ctrl+S / Cmd+S saves at once instead of opening the browser's "save page" dialog.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveNow();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [saveNow]);

  const chain = () => editor.chain().focus();
  const open = (kind: DialogKind) => () => setDialog(kind);
  const groups: ToolbarItem[][] = [
    [
      {
        key: 'bold',
        label: t('lessonEditor.toolbar.bold'),
        pressed: state.bold,
        onClick: () => chain().toggleBold().run(),
      },
      {
        key: 'italic',
        label: t('lessonEditor.toolbar.italic'),
        pressed: state.italic,
        onClick: () => chain().toggleItalic().run(),
      },
      {
        key: 'code',
        label: t('lessonEditor.toolbar.code'),
        pressed: state.code,
        onClick: () => chain().toggleCode().run(),
      },
      {
        key: 'sub',
        label: t('lessonEditor.toolbar.subscript'),
        pressed: state.subscript,
        onClick: () => chain().toggleSubscript().run(),
      },
      {
        key: 'sup',
        label: t('lessonEditor.toolbar.superscript'),
        pressed: state.superscript,
        onClick: () => chain().toggleSuperscript().run(),
      },
      {
        key: 'link',
        label: t('lessonEditor.toolbar.link'),
        pressed: state.link,
        opensDialog: true,
        onClick: open('link'),
      },
    ],
    [
      {
        key: 'ul',
        label: t('lessonEditor.toolbar.bulletList'),
        pressed: state.bulletList,
        onClick: () => chain().toggleBulletList().run(),
      },
      {
        key: 'ol',
        label: t('lessonEditor.toolbar.orderedList'),
        pressed: state.orderedList,
        onClick: () => chain().toggleOrderedList().run(),
      },
      {
        key: 'quote',
        label: t('lessonEditor.toolbar.blockquote'),
        pressed: state.blockquote,
        onClick: () => chain().toggleBlockquote().run(),
      },
    ],
    [
      { key: 'image', label: t('lessonEditor.toolbar.image'), opensDialog: true, onClick: open('image') },
      { key: 'pdf', label: t('lessonEditor.toolbar.pdf'), opensDialog: true, onClick: open('pdf') },
      {
        key: 'table',
        label: t('lessonEditor.toolbar.table'),
        // Tables do not nest: inside one, the table group below edits it instead.
        disabled: state.inTable,
        onClick: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
      {
        key: 'callout',
        label: t('lessonEditor.toolbar.callout'),
        opensDialog: true,
        onClick: open('callout'),
      },
      {
        key: 'reflection',
        label: t('lessonEditor.toolbar.reflection'),
        opensDialog: true,
        onClick: open('reflection'),
      },
      {
        key: 'caseStudy',
        label: t('lessonEditor.toolbar.caseStudy'),
        opensDialog: true,
        onClick: open('caseStudy'),
      },
      { key: 'video', label: t('lessonEditor.toolbar.video'), opensDialog: true, onClick: open('video') },
    ],
    tableTools(editor, state, t),
    [
      {
        key: 'undo',
        label: t('lessonEditor.toolbar.undo'),
        disabled: !state.canUndo,
        onClick: () => chain().undo().run(),
      },
      {
        key: 'redo',
        label: t('lessonEditor.toolbar.redo'),
        disabled: !state.canRedo,
        onClick: () => chain().redo().run(),
      },
    ],
  ];

  const setBlock = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    if (value === 'paragraph') chain().setParagraph().run();
    else
      chain()
        .setHeading({ level: Number(value) as 2 | 3 | 4 })
        .run();
  };

  const closeDialog = () => {
    setDialog(null);
    // The dialog is gone; the author carries on writing where the insertion happened.
    requestAnimationFrame(() => editor.commands.focus());
  };

  const { status } = save;
  return (
    <>
      <div className="lesson-editor__bar">
        <SaveStatusText status={status} />
        <div className="arch-actions">
          <Button onClick={saveNow} disabled={status.kind === 'saving' || status.kind === 'conflict'}>
            {t('lessonEditor.save')}
          </Button>
          <Button
            variant="secondary"
            aria-pressed={preview !== null}
            onClick={() => setPreview(preview ? null : toStoredDocument(editor.getJSON()))}
          >
            {t('lessonEditor.preview.toggle')}
          </Button>
        </div>
      </div>
      {status.kind === 'conflict' ? (
        <ConflictNotice
          texts="lessonEditor.conflict"
          onLoadTheirs={save.loadTheirs}
          onOverwrite={save.overwrite}
        />
      ) : null}
      {status.kind === 'invalid' ? (
        <DocumentProblems key={save.failures} problem={status.problem} editorId={EDITOR_ID} />
      ) : null}
      {preview ? <LessonPreview document={preview} /> : null}
      <div className="lesson-editor" hidden={preview !== null}>
        <div className="lesson-editor__tools">
          <label className="lesson-editor__block">
            {t('lessonEditor.block.label')}{' '}
            <select className="arch-input" value={state.block} onChange={setBlock}>
              <option value="paragraph">{t('lessonEditor.block.paragraph')}</option>
              {HEADING_LEVELS.map((level) => (
                <option key={level} value={String(level)}>
                  {t('lessonEditor.block.heading', { level })}
                </option>
              ))}
            </select>
          </label>
          <Toolbar label={t('lessonEditor.toolbar.label')} controls={EDITOR_ID} groups={groups} />
        </div>
        <EditorContent editor={editor} />
      </div>
      {dialog ? <EditorDialog kind={dialog} editor={editor} onClose={closeDialog} /> : null}
    </>
  );
}

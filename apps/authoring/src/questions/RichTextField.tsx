import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { toStoredDocument } from '../lessons/storedDocument';
import { Toolbar, type ToolbarItem } from '../lessons/Toolbar';
import { compactExtensions } from './compactExtensions';
import type { RichText } from './questionModel';

export interface RichTextFieldProps {
  label: string;
  /** The starting content; later changes come from the editor (remount with a key to reset). */
  initial: RichText | null;
  onChange: (value: RichText) => void;
  hint?: string;
  error?: string;
  /** Given so an error summary can link here. */
  id?: string;
}

function marks(editor: Editor) {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    code: editor.isActive('code'),
    subscript: editor.isActive('subscript'),
    superscript: editor.isActive('superscript'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
  };
}

const EMPTY: RichText = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * A small rich-text field (the lesson editor's tiptap set-up, compact) for a question's prompt and
 * feedback: a labelled multi-line text box with its own one-Tab-stop toolbar.
 */
export function RichTextField({ label, initial, onChange, hint, error, id }: RichTextFieldProps) {
  const { t } = useTranslation();
  const generated = useId();
  const editorId = id ?? `rich-${generated}`;
  const labelId = `${editorId}-label`;
  const hintId = `${editorId}-hint`;
  const errorId = `${editorId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const editor = useEditor({
    extensions: compactExtensions(),
    content: initial ?? EMPTY,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        id: editorId,
        class: 'lesson-prose question-rich-text__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
      },
    },
  });
  const state = useEditorState({ editor, selector: ({ editor: e }) => marks(e) });

  useEffect(() => {
    const update = () => onChange(toStoredDocument(editor.getJSON()) as RichText);
    editor.on('update', update);
    return () => {
      editor.off('update', update);
    };
  }, [editor, onChange]);

  const chain = () => editor.chain().focus();
  const toggle = (key: string, pressed: boolean, run: () => void): ToolbarItem => ({
    key,
    label: t(`lessonEditor.toolbar.${key}`),
    pressed,
    onClick: run,
  });
  const groups: ToolbarItem[][] = [
    [
      toggle('bold', state.bold, () => chain().toggleBold().run()),
      toggle('italic', state.italic, () => chain().toggleItalic().run()),
      toggle('code', state.code, () => chain().toggleCode().run()),
      toggle('subscript', state.subscript, () => chain().toggleSubscript().run()),
      toggle('superscript', state.superscript, () => chain().toggleSuperscript().run()),
    ],
    [
      toggle('bulletList', state.bulletList, () => chain().toggleBulletList().run()),
      toggle('orderedList', state.orderedList, () => chain().toggleOrderedList().run()),
    ],
  ];

  return (
    <div
      className={
        error ? 'arch-field arch-field--invalid question-rich-text' : 'arch-field question-rich-text'
      }
    >
      <span className="arch-field__label" id={labelId}>
        {label}
      </span>
      {hint ? (
        <p className="arch-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="arch-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <Toolbar label={t('questions.form.toolbar', { field: label })} controls={editorId} groups={groups} />
      <EditorContent editor={editor} />
    </div>
  );
}

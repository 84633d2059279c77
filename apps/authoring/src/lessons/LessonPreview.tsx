import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { lessonExtensions } from './extensions';
import { useNodeLabels } from './useNodeLabels';

/** The lesson as a learner reads it: read-only, reader typography, optionally at phone width. */
export function LessonPreview({ document }: { document: JSONContent }) {
  const { t } = useTranslation();
  const labels = useNodeLabels();
  const [phone, setPhone] = useState(false);
  const editor = useEditor({
    extensions: lessonExtensions(labels),
    content: document,
    editable: false,
    immediatelyRender: true,
    editorProps: {
      attributes: { class: 'lesson-prose', 'aria-label': t('lessonEditor.preview.label') },
    },
  });
  return (
    <section className="lesson-preview" aria-label={t('lessonEditor.preview.label')}>
      <label className="lesson-checkbox">
        <input type="checkbox" checked={phone} onChange={(e) => setPhone(e.target.checked)} />{' '}
        {t('lessonEditor.preview.phone')}
      </label>
      <div className={phone ? 'lesson-preview__frame lesson-preview__frame--phone' : 'lesson-preview__frame'}>
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeSelection } from '@tiptap/pm/state';
import { FormField, useFormatters } from '@archipelago/ui';
import { FileUploadField } from '../files/FileUploadField';
import { useUploadInstitution } from '../files/UploadInstitution';
import { PDF_TYPES, type UploadedFile } from '../files/uploadFile';
import { FormDialog, type KindDialogProps } from './FormDialog';

const withoutExtension = (name: string) => name.replace(/\.pdf$/i, '');

/**
 * "Attach PDF": uploads a PDF, then inserts a link to it at the cursor (replacing any selected
 * text). The link text is suggested from the file's name and size; learners download the file.
 */
export function PdfDialog({ editor, onClose }: KindDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const institutionId = useUploadInstitution();
  const { from, to } = editor.state.selection;
  const [text, setText] = useState(() => editor.state.doc.textBetween(from, to, ' '));
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [errors, setErrors] = useState<{ file?: string; text?: string }>({});

  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });

  const uploaded = (next: UploadedFile) => {
    setFile(next);
    setErrors((current) => ({ ...current, file: undefined }));
    if (!text.trim()) {
      setText(
        t('lessonEditor.pdf.defaultText', {
          name: withoutExtension(next.originalName),
          size: size(next.byteSize),
        }),
      );
    }
  };

  const apply = () => {
    const next = {
      file: file ? undefined : t('lessonEditor.pdf.fileRequired'),
      text: text.trim() ? undefined : t('lessonEditor.pdf.textRequired'),
    };
    setErrors(next);
    if (!file || next.text) return false;
    const link = { type: 'text', text: text.trim(), marks: [{ type: 'link', attrs: { href: file.url } }] };
    const { selection } = editor.state;
    // A selected image or block (just inserted, say) stays: the link goes after it, not over it.
    if (selection instanceof NodeSelection) editor.chain().focus().insertContentAt(selection.to, link).run();
    else editor.chain().focus().insertContent(link).run();
    return true;
  };

  return (
    <FormDialog
      title={t('lessonEditor.pdf.title')}
      submitLabel={t('lessonEditor.pdf.submit')}
      onClose={onClose}
      onSubmit={apply}
    >
      {institutionId ? (
        <FileUploadField
          id="lesson-pdf-file"
          label={t('lessonEditor.pdf.file')}
          hint={t('lessonEditor.pdf.fileHint')}
          accept={PDF_TYPES}
          expect="pdf"
          institutionId={institutionId}
          error={errors.file}
          onUploaded={uploaded}
        />
      ) : null}
      {file ? <p>{t('lessonEditor.pdf.ready', { name: file.originalName })}</p> : null}
      <FormField
        id="lesson-pdf-text"
        label={t('lessonEditor.pdf.text')}
        hint={t('lessonEditor.pdf.textHint')}
        error={errors.text}
      >
        <input className="arch-input" value={text} onChange={(event) => setText(event.target.value)} />
      </FormField>
    </FormDialog>
  );
}

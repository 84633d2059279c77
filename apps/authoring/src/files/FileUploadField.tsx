import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, useAnnounce } from '@archipelago/ui';
import { uploadFile, type UploadedFile } from './uploadFile';
import { useUploadMessage } from './useUploadMessage';
import './upload.css';

export interface FileUploadFieldProps {
  id: string;
  label: string;
  hint: string;
  /** The picker's filter, e.g. IMAGE_TYPES; the server still judges by content. */
  accept: string;
  /** The institution the file is uploaded for (the course's owner). */
  institutionId: string;
  onUploaded: (file: UploadedFile) => void;
  /** What the place needs: an image, or a PDF. Anything else is refused here (it is uploaded, unused). */
  expect: 'image' | 'pdf';
  /** An error the surrounding form has for this field. */
  error?: string;
}

/**
 * A file picker that uploads as soon as a file is chosen. Progress and success are announced
 * politely; a refusal (too large, wrong type) is shown under the field in the author's language
 * and announced, and focus stays on the picker so the author can choose another file at once.
 */
export function FileUploadField({
  id,
  label,
  hint,
  accept,
  institutionId,
  onUploaded,
  expect,
  error,
}: FileUploadFieldProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const explain = useUploadMessage();
  const [uploading, setUploading] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file || uploading) return;
    setRefusal(undefined);
    setUploading(file.name);
    announce(t('files.uploading', { name: file.name }));
    const result = await uploadFile(file, institutionId);
    setUploading(null);
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    const isImage = result.ok && result.file.mediaType.startsWith('image/');
    if (result.ok && isImage !== (expect === 'image')) {
      const message = t(expect === 'image' ? 'files.errors.notImage' : 'files.errors.notPdf');
      setRefusal(message);
      announce(message);
      return;
    }
    if (result.ok) {
      announce(t('files.uploaded', { name: result.file.originalName }));
      onUploaded(result.file);
      return;
    }
    const message = explain(result.failure);
    setRefusal(message);
    announce(message);
  };

  return (
    <div className="studio-upload">
      <FormField id={id} label={label} hint={hint} error={refusal ?? error}>
        <input
          className="arch-input studio-upload__input"
          type="file"
          accept={accept}
          aria-busy={uploading ? true : undefined}
          onChange={(event) => void upload(event)}
        />
      </FormField>
      {uploading ? (
        <p className="studio-upload__status">{t('files.uploading', { name: uploading })}</p>
      ) : null}
    </div>
  );
}

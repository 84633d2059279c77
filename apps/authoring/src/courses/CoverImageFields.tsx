import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';
import { FileUploadField } from '../files/FileUploadField';
import { IMAGE_TYPES } from '../files/uploadFile';

export interface Cover {
  fileId: string | null;
  url: string | null;
}

export const COVER_FILE_ID = 'course-cover-file';
export const COVER_ALT_ID = 'course-cover-alt';

export interface CoverImageFieldsProps {
  institutionId: string;
  cover: Cover;
  onCoverChange: (cover: Cover) => void;
  alt: string;
  onAltChange: (alt: string) => void;
  errors: { coverFileId?: string; coverAlt?: string };
}

/**
 * The course's cover: upload (or replace) an image, describe it, or remove it. The image is
 * uploaded at once; the course itself changes when the details are saved.
 */
export function CoverImageFields({
  institutionId,
  cover,
  onCoverChange,
  alt,
  onAltChange,
  errors,
}: CoverImageFieldsProps) {
  const { t } = useTranslation();
  const remove = () => {
    onCoverChange({ fileId: null, url: null });
    // The remove button is gone: carry on from the picker.
    requestAnimationFrame(() => document.getElementById(COVER_FILE_ID)?.focus());
  };
  return (
    <fieldset className="studio-fieldset studio-cover">
      <legend>{t('courses.cover.title')}</legend>
      {cover.url ? (
        <div className="studio-cover__current">
          <img className="studio-cover__image" src={cover.url} alt={alt.trim()} />
          <Button variant="secondary" onClick={remove}>
            {t('courses.cover.remove')}
          </Button>
        </div>
      ) : (
        <p>{t('courses.cover.none')}</p>
      )}
      <FileUploadField
        id={COVER_FILE_ID}
        label={t(cover.url ? 'courses.cover.replace' : 'courses.cover.upload')}
        hint={t('courses.cover.uploadHint')}
        accept={IMAGE_TYPES}
        expect="image"
        institutionId={institutionId}
        error={errors.coverFileId}
        onUploaded={(file) => onCoverChange({ fileId: file.id, url: file.url })}
      />
      <FormField
        id={COVER_ALT_ID}
        label={t('courses.cover.alt')}
        hint={t('courses.cover.altHint')}
        error={errors.coverAlt}
      >
        <input
          className="arch-input"
          name="coverAlt"
          value={alt}
          maxLength={500}
          onChange={(event) => onAltChange(event.target.value)}
        />
      </FormField>
    </fieldset>
  );
}

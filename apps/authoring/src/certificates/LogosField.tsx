import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import { FileUploadField } from '../files/FileUploadField';
import { fileUrl, MAX_LOGOS } from './certificateTypes';

export const LOGO_UPLOAD_ID = 'certificate-template-logo';

export interface LogosFieldProps {
  institutionId: string;
  logoFileIds: string[];
  onChange: (logoFileIds: string[]) => void;
  error?: string;
}

/** Up to three logos for co-branding, in the order they are drawn; each uploaded as soon as chosen. */
export function LogosField({ institutionId, logoFileIds, onChange, error }: LogosFieldProps) {
  const { t } = useTranslation();
  const remove = (index: number) => {
    onChange(logoFileIds.filter((_, at) => at !== index));
    // The removed button is gone: carry on from the picker, which is there again.
    requestAnimationFrame(() => document.getElementById(LOGO_UPLOAD_ID)?.focus());
  };
  return (
    <fieldset className="studio-fieldset">
      <legend>{t('certificates.template.logos')}</legend>
      {logoFileIds.length === 0 ? <p>{t('certificates.template.noLogos')}</p> : null}
      <ul className="certificate-images">
        {logoFileIds.map((id, index) => (
          <li key={id}>
            <img src={fileUrl(id)} alt={t('certificates.template.logoAlt', { number: index + 1 })} />
            <Button variant="secondary" onClick={() => remove(index)}>
              {t('certificates.template.removeLogo', { number: index + 1 })}
            </Button>
          </li>
        ))}
      </ul>
      {logoFileIds.length < MAX_LOGOS ? (
        <FileUploadField
          id={LOGO_UPLOAD_ID}
          label={t('certificates.template.addLogo')}
          hint={t('certificates.template.logoHint', { max: MAX_LOGOS })}
          accept="image/png,image/jpeg"
          expect="image"
          institutionId={institutionId}
          error={error}
          onUploaded={(file) => onChange([...logoFileIds, file.id])}
        />
      ) : (
        <p>{t('certificates.template.logosFull', { max: MAX_LOGOS })}</p>
      )}
    </fieldset>
  );
}

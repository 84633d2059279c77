import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';
import { FileUploadField } from '../files/FileUploadField';
import { fileUrl, MAX_SIGNATORIES, type Signatory } from './certificateTypes';

export const signatoryFieldId = (index: number, field: 'name' | 'title' | 'signature') =>
  `certificate-signatory-${index}-${field}`;
const ADD_ID = 'certificate-signatory-add';

export interface SignatoriesFieldsProps {
  institutionId: string;
  signatories: Signatory[];
  onChange: (signatories: Signatory[]) => void;
  /** The server's message for a field of a signatory, if any. */
  errorFor: (index: number, field: 'name' | 'title' | 'signatureFileId') => string | undefined;
}

/** Up to three people who sign: name, title and an optional signature image each. */
export function SignatoriesFields({
  institutionId,
  signatories,
  onChange,
  errorFor,
}: SignatoriesFieldsProps) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<Signatory>) =>
    onChange(signatories.map((signatory, at) => (at === index ? { ...signatory, ...patch } : signatory)));
  const add = () => {
    onChange([...signatories, { name: '', title: '', signatureFileId: null }]);
    const index = signatories.length;
    requestAnimationFrame(() => document.getElementById(signatoryFieldId(index, 'name'))?.focus());
  };
  const remove = (index: number) => {
    onChange(signatories.filter((_, at) => at !== index));
    requestAnimationFrame(() => document.getElementById(ADD_ID)?.focus());
  };
  const removeSignature = (index: number) => {
    change(index, { signatureFileId: null });
    requestAnimationFrame(() => document.getElementById(signatoryFieldId(index, 'signature'))?.focus());
  };

  return (
    <fieldset className="studio-fieldset">
      <legend>{t('certificates.template.signatories')}</legend>
      {signatories.length === 0 ? <p>{t('certificates.template.noSignatories')}</p> : null}
      {signatories.map((signatory, index) => {
        const number = index + 1;
        return (
          <fieldset className="certificate-signatory" key={index}>
            <legend>{t('certificates.template.signatory', { number })}</legend>
            <FormField
              id={signatoryFieldId(index, 'name')}
              label={t('certificates.template.signatoryName')}
              error={errorFor(index, 'name')}
            >
              <input
                className="arch-input"
                value={signatory.name}
                maxLength={120}
                autoComplete="off"
                onChange={(event) => change(index, { name: event.target.value })}
              />
            </FormField>
            <FormField
              id={signatoryFieldId(index, 'title')}
              label={t('certificates.template.signatoryTitle')}
              error={errorFor(index, 'title')}
            >
              <input
                className="arch-input"
                value={signatory.title}
                maxLength={160}
                autoComplete="off"
                onChange={(event) => change(index, { title: event.target.value })}
              />
            </FormField>
            {signatory.signatureFileId ? (
              <div className="certificate-images">
                <img
                  src={fileUrl(signatory.signatureFileId)}
                  alt={t('certificates.template.signatureAlt', { name: signatory.name || number })}
                />
                <Button variant="secondary" onClick={() => removeSignature(index)}>
                  {t('certificates.template.removeSignature', { number })}
                </Button>
              </div>
            ) : null}
            <FileUploadField
              id={signatoryFieldId(index, 'signature')}
              label={t(
                signatory.signatureFileId
                  ? 'certificates.template.replaceSignature'
                  : 'certificates.template.addSignature',
              )}
              hint={t('certificates.template.signatureHint')}
              accept="image/png,image/jpeg"
              expect="image"
              institutionId={institutionId}
              error={errorFor(index, 'signatureFileId')}
              onUploaded={(file) => change(index, { signatureFileId: file.id })}
            />
            <Button variant="danger" onClick={() => remove(index)}>
              {t('certificates.template.removeSignatory', { number })}
            </Button>
          </fieldset>
        );
      })}
      {signatories.length < MAX_SIGNATORIES ? (
        <Button id={ADD_ID} variant="secondary" onClick={add}>
          {t('certificates.template.addSignatory')}
        </Button>
      ) : (
        <p id={ADD_ID} tabIndex={-1}>
          {t('certificates.template.signatoriesFull', { max: MAX_SIGNATORIES })}
        </p>
      )}
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import { fileUrl, type TemplateContent } from './certificateTypes';
import { fillPlaceholders, sampleValues } from './samplePlaceholders';
import type { CertificatePlace } from './useCertificatePlace';

export interface CertificatePreviewProps {
  content: TemplateContent;
  place: CertificatePlace;
}

/**
 * The certificate as the PDF lays it out (A4, either way round), filled with sample data and
 * redrawn on every keystroke. The drawing is hidden from screen readers; the same words follow
 * as text, so nothing is only visual.
 */
export function CertificatePreview({ content, place }: CertificatePreviewProps) {
  const { t } = useTranslation();
  const values = sampleValues(place, content.language);
  const title = fillPlaceholders(content.title, values);
  const body = fillPlaceholders(content.body, values);
  const signatories = content.signatories.filter((signatory) => signatory.name.trim() !== '');
  return (
    <section className="certificate-editor__preview" aria-labelledby="certificate-preview-heading">
      <h2 id="certificate-preview-heading">{t('certificates.preview.heading')}</h2>
      <p>{t('certificates.preview.intro')}</p>
      <div
        aria-hidden="true"
        lang={content.language}
        data-testid="certificate-sheet"
        className={`certificate-sheet certificate-sheet--${content.orientation}`}
      >
        <div className="certificate-sheet__frame" />
        <div className="certificate-sheet__content">
          <div className="certificate-sheet__logos">
            {content.logoFileIds.map((id) => (
              <img key={id} src={fileUrl(id)} alt="" />
            ))}
          </div>
          <p className="certificate-sheet__title">{title}</p>
          <p className="certificate-sheet__body">{body}</p>
          {signatories.length > 0 ? (
            <div className="certificate-sheet__signatories">
              {signatories.map((signatory, index) => (
                <div className="certificate-sheet__signatory" key={index}>
                  {signatory.signatureFileId ? <img src={fileUrl(signatory.signatureFileId)} alt="" /> : null}
                  <strong>{signatory.name}</strong>
                  <span>{signatory.title}</span>
                </div>
              ))}
            </div>
          ) : null}
          <div className="certificate-sheet__footer">
            <span>{t('certificates.preview.code')}</span>
            <div className="certificate-sheet__qr" />
          </div>
        </div>
      </div>
      <div className="arch-visually-hidden" data-testid="certificate-preview-text">
        <p>
          {t(`certificates.preview.describe.${content.orientation}`, { logos: content.logoFileIds.length })}
        </p>
        <p>{t('certificates.preview.describeTitle', { title })}</p>
        <p>{t('certificates.preview.describeBody', { body })}</p>
        {signatories.length > 0 ? (
          <ul>
            {signatories.map((signatory, index) => (
              <li key={index}>
                {t('certificates.preview.describeSignatory', {
                  name: signatory.name,
                  title: signatory.title,
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

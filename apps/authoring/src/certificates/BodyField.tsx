import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField } from '@archipelago/ui';
import { PLACEHOLDERS, type Placeholder } from './certificateTypes';
import { insertAt } from './samplePlaceholders';

export const BODY_ID = 'certificate-template-body';

export interface BodyFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * The wording, with buttons that put a placeholder where the caret was. The buttons follow the
 * text area, so from the keyboard: place the caret, Tab to a button, press Enter, and focus
 * comes back to the text just after what was inserted.
 */
export function BodyField({ value, onChange, error }: BodyFieldProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);

  const insert = (placeholder: Placeholder) => {
    const textarea = area.current;
    const start = textarea?.selectionStart ?? value.length;
    const end = textarea?.selectionEnd ?? value.length;
    const next = insertAt(value, start, end, `{{${placeholder}}}`);
    onChange(next.text);
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <>
      <FormField
        id={BODY_ID}
        label={t('certificates.template.body')}
        hint={t('certificates.template.bodyHint', { example: '{{learnerName}}' })}
        error={error}
      >
        <textarea
          ref={area}
          className="arch-input"
          value={value}
          maxLength={2000}
          rows={6}
          onChange={(event) => onChange(event.target.value)}
        />
      </FormField>
      <div role="group" aria-labelledby="certificate-placeholders-label">
        <p id="certificate-placeholders-label">{t('certificates.template.insertLabel')}</p>
        <ul className="certificate-placeholders">
          {PLACEHOLDERS.map((placeholder) => (
            <li key={placeholder}>
              <Button
                variant="secondary"
                aria-label={t('certificates.template.insert', {
                  placeholder: `{{${placeholder}}}`,
                  meaning: t(`certificates.placeholders.${placeholder}`),
                })}
                onClick={() => insert(placeholder)}
              >
                {`{{${placeholder}}}`}
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

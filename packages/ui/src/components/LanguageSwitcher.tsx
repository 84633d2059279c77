import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/initI18n';
import { isLanguage } from '../i18n/languages';
import { LanguageOptions } from './LanguageOptions';

/** A labelled native <select>: the most robust control across screen readers and phones. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('ui');
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (isLanguage(next)) {
      setLanguage(next).catch((error: unknown) => console.error('Could not switch language', error));
    }
  };

  return (
    <div className="arch-language">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={current} onChange={onChange}>
        <LanguageOptions />
      </select>
    </div>
  );
}

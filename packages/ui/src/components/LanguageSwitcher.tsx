import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/initI18n';
import { SUPPORTED_LANGUAGES, isLanguage } from '../i18n/languages';

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
        {SUPPORTED_LANGUAGES.map((language) => (
          // Each name is written in its own language, so mark it for correct pronunciation.
          <option key={language} value={language} lang={language}>
            {t(`language.names.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { UI_NAMESPACE } from '../i18n/initI18n';

/** <option>s for the languages Archipelago speaks, each name in its own language (and marked so). */
export function LanguageOptions() {
  const { t } = useTranslation(UI_NAMESPACE);
  return SUPPORTED_LANGUAGES.map((language) => (
    <option key={language} value={language} lang={language}>
      {t(`language.names.${language}`)}
    </option>
  ));
}

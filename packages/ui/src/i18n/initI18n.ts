import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  detectLanguage,
  storeLanguage,
  type Language,
} from './languages';

export type LocaleModule = { default: Record<string, unknown> };
/** One loader per language; each is a dynamic import so every language becomes its own chunk. */
export type LocaleLoaders = Record<Language, () => Promise<LocaleModule>>;

export interface InitI18nOptions {
  /** The app's own strings, loaded into the `app` namespace (the default one). */
  loaders: LocaleLoaders;
}

export const UI_NAMESPACE = 'ui';
export const APP_NAMESPACE = 'app';

const uiLoaders: LocaleLoaders = {
  en: () => import('../locales/en.json'),
  es: () => import('../locales/es.json'),
  fr: () => import('../locales/fr.json'),
};

let appLoaders: LocaleLoaders | undefined;

async function loadLanguage(language: Language): Promise<void> {
  if (!appLoaders) throw new Error('initI18n() must run before a language is loaded');
  if (i18next.hasResourceBundle(language, APP_NAMESPACE)) return;
  const [ui, app] = await Promise.all([uiLoaders[language](), appLoaders[language]()]);
  i18next.addResourceBundle(language, UI_NAMESPACE, ui.default, true, true);
  i18next.addResourceBundle(language, APP_NAMESPACE, app.default, true, true);
}

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

/**
 * Loads only the current language's strings before the first render, so a learner on a slow
 * connection downloads one language, not three. Other languages load when the user picks them.
 */
export async function initI18n({ loaders }: InitI18nOptions): Promise<I18n> {
  appLoaders = loaders;
  await i18next.use(initReactI18next).init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [APP_NAMESPACE, UI_NAMESPACE],
    defaultNS: APP_NAMESPACE,
    resources: {},
    // React escapes text already; escaping twice would show entities such as &amp;.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  i18next.on('languageChanged', syncDocumentLanguage);
  const detected = detectLanguage();
  try {
    await loadLanguage(detected);
    await i18next.changeLanguage(detected);
  } catch (error) {
    if (detected === DEFAULT_LANGUAGE) throw error;
    // A failed download of a translation must not leave the learner with no text at all.
    console.error('Could not load language, falling back to English', error);
    await loadLanguage(DEFAULT_LANGUAGE);
    await i18next.changeLanguage(DEFAULT_LANGUAGE);
  }
  syncDocumentLanguage(i18next.language);
  return i18next;
}

/** Switches every string at once (after its chunk has loaded), updates <html lang> and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  storeLanguage(language);
  await i18next.changeLanguage(language);
}

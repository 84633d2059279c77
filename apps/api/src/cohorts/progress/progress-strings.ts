import { phraseAt, readLocales, serverLanguage } from '../../common/i18n/server-languages.js';

const strings = readLocales<unknown>(new URL('./locales/', import.meta.url));

/** The dashboard's words (CSV headings, why a learner is behind) in a language; English when missing. */
export function progressText(
  language: string,
  path: string,
  params: Record<string, string | number> = {},
): string {
  const lang = serverLanguage(language);
  const text = phraseAt(strings[lang], path) ?? phraseAt(strings.en, path) ?? path;
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

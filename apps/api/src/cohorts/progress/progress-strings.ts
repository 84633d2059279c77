import { readFileSync } from 'node:fs';

const LANGUAGES = ['en', 'es', 'fr'] as const;
export type ProgressLanguage = (typeof LANGUAGES)[number];

type Strings = { [key: string]: string | Strings };

const strings = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), 'utf8')) as Strings,
  ]),
) as Record<ProgressLanguage, Strings>;

export const languageOf = (language: string | null | undefined): ProgressLanguage =>
  (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as ProgressLanguage) : 'en';

function lookup(language: ProgressLanguage, path: string): string | undefined {
  const value = path
    .split('.')
    .reduce<string | Strings | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      strings[language],
    );
  return typeof value === 'string' ? value : undefined;
}

/** The dashboard's words (CSV headings, why a learner is behind) in a language; English when missing. */
export function progressText(
  language: string,
  path: string,
  params: Record<string, string | number> = {},
): string {
  const lang = languageOf(language);
  const text = lookup(lang, path) ?? lookup('en', path) ?? path;
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

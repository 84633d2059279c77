import { readFileSync } from 'node:fs';

/** The languages the API writes in (e-mails, exports, PDFs, lessons): those of the apps. */
export const SERVER_LANGUAGES = ['en', 'es', 'fr'] as const;
export type ServerLanguage = (typeof SERVER_LANGUAGES)[number];

export const isServerLanguage = (value: unknown): value is ServerLanguage =>
  (SERVER_LANGUAGES as readonly unknown[]).includes(value);

/** The language when the API writes in it; otherwise the fallback (English unless told). */
export const serverLanguage = (
  value: string | null | undefined,
  fallback: ServerLanguage = 'en',
): ServerLanguage => (isServerLanguage(value) ? value : fallback);

/**
 * Each language's `<language>.json` in a folder, read once when the module loads.
 * Pass the folder as `new URL('./locales/', import.meta.url)`.
 */
export const readLocales = <T>(folder: URL): Record<ServerLanguage, T> =>
  Object.fromEntries(
    SERVER_LANGUAGES.map((language) => [
      language,
      JSON.parse(readFileSync(new URL(`${language}.json`, folder), 'utf8')) as T,
    ]),
  ) as Record<ServerLanguage, T>;

/** Replaces {{name}} in a locale string; a placeholder without a value stays visible, not blank. */
export const interpolate = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/*
 * One formatter per language for the life of the process: each Intl formatter holds native ICU
 * memory that V8 does not see, and one per e-mail made an import's 8,000 invitations grow the
 * process by 200 MB.
 */
const longDates = new Map<ServerLanguage, Intl.DateTimeFormat>();
const regionNames = new Map<ServerLanguage, Intl.DisplayNames>();

/** A calendar day (YYYY-MM-DD) or an instant as a long date ("12 March 2026"), in UTC so a day never shifts. */
export function longDate(language: string, value: string | Date): string {
  const lang = serverLanguage(language);
  let format = longDates.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    longDates.set(lang, format);
  }
  return format.format(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value);
}

/** A country's name from its ISO 3166-1 code, in the language; the code itself when unknown. */
export function countryName(language: string, code: string): string {
  const lang = serverLanguage(language);
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/** The string at a dotted path ("roles.trainer") in a nested locale file, if there is one. */
export function phraseAt(tree: unknown, path: string): string | undefined {
  const value = path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      tree,
    );
  return typeof value === 'string' ? value : undefined;
}

/**
 * How a header or a value is compared with the words we know: case, accents, spaces, underscores,
 * hyphens, dots and apostrophes do not count, so "Tranche d’âge", "tranche_d'age" and
 * "TRANCHE D AGE" are one word, and so are "25-34", "25_34" and "25 – 34".
 */
export function wordKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-–—'’‘.·]+/gu, '');
}

/** The import languages: the column headers, the template and the invitations come in these. */
export const IMPORT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type ImportLanguage = (typeof IMPORT_LANGUAGES)[number];

export const isImportLanguage = (value: string): value is ImportLanguage =>
  (IMPORT_LANGUAGES as readonly string[]).includes(value);

/** A caller's preferred language when it is an import language, English otherwise. */
export const importLanguageOf = (preferred: string | null | undefined): ImportLanguage => {
  const base = (preferred ?? '').slice(0, 2).toLowerCase();
  return isImportLanguage(base) ? base : 'en';
};

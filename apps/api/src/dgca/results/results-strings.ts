import { readLocales, serverLanguage, type ServerLanguage } from '../../common/i18n/server-languages.js';

export interface ResultsStrings {
  columns: Record<
    | 'scope'
    | 'dimension'
    | 'statement'
    | 'average'
    | 'spread'
    | 'consensus'
    | 'score'
    | 'answered'
    | 'dontKnow'
    | 'disagreement',
    string
  >;
  scope: Record<'dimension' | 'statement', string>;
  words: Record<'withheld' | 'dontKnow' | 'yes' | 'no' | 'none', string>;
  pdf: Record<string, string>;
}

const strings = readLocales<ResultsStrings>(new URL('./locales/', import.meta.url));

/** The export's words in a language (English when the language is not one we write in). */
export const resultsStrings = (language: string): ResultsStrings => strings[serverLanguage(language)];

// One formatter per language for the life of the process: making one per call leaks memory.
const decimals = new Map<ServerLanguage, Intl.NumberFormat>();

/** A score or spread with two decimals in the language's notation (PDF only; CSV keeps 1.25). */
export function decimal(language: string, value: number): string {
  const lang = serverLanguage(language);
  let format = decimals.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    decimals.set(lang, format);
  }
  return format.format(value);
}

/** A signed change ("+0.50", "−0.25"). */
export const signedDecimal = (language: string, value: number): string =>
  value > 0 ? `+${decimal(language, value)}` : decimal(language, value);

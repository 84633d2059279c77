import { isISO31661Alpha2 } from 'class-validator';
import { IMPORT_LANGUAGES, wordKey } from './import-words.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * ICU's English names are the short forms ("St. Lucia", "Trinidad & Tobago", "St. Vincent &
 * Grenadines") while spreadsheets carry the official ones ("Saint Lucia", "Saint Vincent and the
 * Grenadines"): both sides of the lookup drop "the" and read "Saint" as "St" and "&" as "and".
 */
const countryKey = (text: string) =>
  wordKey(
    text
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/\bsaint\b/g, 'st')
      .replace(/\bthe\b/g, ' '),
  );

/**
 * Every ISO 3166-1 alpha-2 code, and each one's name in English, Spanish and French as the
 * runtime's own ICU data spells it: no list of our own to fall out of date or disagree with the
 * rest of the product, which shows countries through the same Intl names.
 */
function buildCountryKeys(): Map<string, string> {
  const byKey = new Map<string, string>();
  const namers = IMPORT_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region' }));
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      if (!isISO31661Alpha2(code)) continue;
      byKey.set(countryKey(code), code);
      for (const namer of namers) {
        const name = namer.of(code);
        // An unknown region comes back as its code, already in the map.
        if (name && name !== code) byKey.set(countryKey(name), code);
      }
    }
  }
  return byKey;
}

let countryKeys: Map<string, string> | null = null;

/** The alpha-2 code a cell names ("fj", "Fiji", "Fidji", "Fiyi"), or null when it names none. */
export function countryCode(cell: string): string | null {
  countryKeys ??= buildCountryKeys();
  return countryKeys.get(countryKey(cell)) ?? null;
}

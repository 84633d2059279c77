import { isISO31661Alpha2 } from 'class-validator';
import { IMPORT_LANGUAGES, wordKey } from './import-words.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

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
      byKey.set(wordKey(code), code);
      for (const namer of namers) {
        const name = namer.of(code);
        // An unknown region comes back as its code, already in the map.
        if (name && name !== code) byKey.set(wordKey(name), code);
      }
    }
  }
  return byKey;
}

let countryKeys: Map<string, string> | null = null;

/** The alpha-2 code a cell names ("fj", "Fiji", "Fidji", "Fiyi"), or null when it names none. */
export function countryCode(cell: string): string | null {
  countryKeys ??= buildCountryKeys();
  return countryKeys.get(wordKey(cell)) ?? null;
}

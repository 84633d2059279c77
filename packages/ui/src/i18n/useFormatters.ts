import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  language: string;
  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Country or region name in the current language, from an ISO 3166-1 alpha-2 code such as "LC". */
  region(code: string): string;
}

export function createFormatters(language: string): Formatters {
  let regions: Intl.DisplayNames | undefined;
  return {
    language,
    date: (value, options = { dateStyle: 'long' }) =>
      new Intl.DateTimeFormat(language, options).format(new Date(value)),
    number: (value, options) => new Intl.NumberFormat(language, options).format(value),
    region: (code) => {
      try {
        regions ??= new Intl.DisplayNames([language], { type: 'region' });
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        // Malformed codes throw RangeError; showing the raw code is better than breaking the list.
        return code;
      }
    },
  };
}

/** Locale-aware formatting that follows the language switcher. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => createFormatters(language), [language]);
}

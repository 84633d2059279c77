import type { Formatters } from '@archipelago/ui';

/** The course's language named in the reader's language, e.g. "en" → "English" or "inglés". */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    // A malformed code throws RangeError; the raw code is better than a broken page.
    return code;
  }
}

/** "11 hours" / "11 horas" / "11 heures", or null when the author gave no estimate. */
export function formatHours(hours: number | null, format: Formatters): string | null {
  if (hours === null) return null;
  return format.number(hours, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 });
}

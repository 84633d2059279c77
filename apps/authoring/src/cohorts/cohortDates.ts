import type { Formatters } from '@archipelago/ui';

/*
 * A cohort's start and end are calendar days (YYYY-MM-DD); its enrolment window is two instants.
 * The Studio edits both as days: the window opens at the start of its first day and closes at the
 * end of its last, in the administrator's time zone.
 */

/** A calendar day in words, e.g. "1 December 2026", without a time zone shifting it by one. */
export const dayText = (format: Formatters, day: string): string =>
  format.date(`${day}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of an instant, as a date input's value. */
export function instantToDay(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const dayStart = (day: string): string | null =>
  day ? new Date(`${day}T00:00:00`).toISOString() : null;
export const dayEnd = (day: string): string | null =>
  day ? new Date(`${day}T23:59:59.999`).toISOString() : null;

/** "1 December 2026 – 28 February 2027", "From 1 December 2026", "Until …" or null. */
export function periodText(
  format: Formatters,
  t: (key: string, options?: Record<string, string>) => string,
  from: string | null,
  to: string | null,
): string | null {
  if (from && to) return t('cohorts:dates.between', { from: dayText(format, from), to: dayText(format, to) });
  if (from) return t('cohorts:dates.from', { from: dayText(format, from) });
  if (to) return t('cohorts:dates.until', { to: dayText(format, to) });
  return null;
}

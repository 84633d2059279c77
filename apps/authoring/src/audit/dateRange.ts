/**
 * The date inputs give calendar days (YYYY-MM-DD) in the reader's time zone; the API wants
 * instants. "From" is the start of that day and "to" the end of it, so one day covers that day.
 */
export function startOfDay(day: string): string | undefined {
  const date = parseDay(day);
  return date?.toISOString();
}

export function endOfDay(day: string): string | undefined {
  const date = parseDay(day);
  if (!date) return undefined;
  date.setDate(date.getDate() + 1);
  return new Date(date.getTime() - 1).toISOString();
}

function parseDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

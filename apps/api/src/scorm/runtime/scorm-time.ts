/**
 * SCORM time spans in seconds. 1.2 writes `HHHH:MM:SS.SS` (CMITimespan: hours of 2 to 4 digits,
 * optional hundredths); 2004 writes ISO 8601 durations (`P1DT2H3M4.5S`, `PT0H0M0S`). Years and
 * months have no fixed length: like ADL's sample RTE, a year counts 365 days and a month 30.
 */

const SCORM12_TIMESPAN = /^(\d{1,4}):([0-5]?\d):([0-5]?\d(?:\.\d{1,2})?)$/;
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const DAY = 86400;

/** Seconds of a time span in either notation; null when it is neither (or empty). */
export function parseTimespan(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const clock = SCORM12_TIMESPAN.exec(text);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const iso = ISO_DURATION.exec(text);
  if (!iso || text === 'P' || text.endsWith('T')) return null;
  const [, y, mo, w, d, h, mi, s] = iso.map((part) => (part === undefined ? 0 : Number(part)));
  const seconds = y! * 365 * DAY + mo! * 30 * DAY + w! * 7 * DAY + d! * DAY + h! * 3600 + mi! * 60 + s!;
  // Hundreds of digits are still a valid duration, but not a number of seconds anyone can store.
  return Number.isFinite(seconds) ? seconds : null;
}

/** 1.2 `cmi.core.total_time`: `HHHH:MM:SS.SS`, hours capped at 9999 (the format's limit). */
export function toScorm12Timespan(seconds: number): string {
  const total = Math.min(Math.max(seconds, 0), 9999 * 3600 + 3599.99);
  const hundredths = Math.round(total * 100);
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const rest = (hundredths % 6000) / 100;
  const pad = (n: number) => String(n).padStart(2, '0');
  const secondsText = rest.toFixed(2).padStart(5, '0');
  return `${String(hours).padStart(4, '0')}:${pad(minutes)}:${secondsText}`;
}

/** 2004 `cmi.total_time`: an ISO 8601 duration in hours, minutes and seconds (hundredths at most). */
export function toIsoDuration(seconds: number): string {
  const hundredths = Math.round(Math.max(seconds, 0) * 100);
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const rest = (hundredths % 6000) / 100;
  return `PT${hours}H${minutes}M${Number(rest.toFixed(2))}S`;
}

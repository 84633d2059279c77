import { readFileSync } from 'node:fs';
import type { ActionStatus } from './action.entity.js';
import type { PriorityBand } from './priority.js';

export const PLAN_LANGUAGES = ['en', 'es', 'fr'] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];

export interface PlanStrings {
  columns: Record<
    | 'dimension'
    | 'title'
    | 'description'
    | 'owner'
    | 'startsOn'
    | 'endsOn'
    | 'startQuarter'
    | 'endQuarter'
    | 'resources'
    | 'indicator'
    | 'target'
    | 'impact'
    | 'feasibility'
    | 'priorityScore'
    | 'priority'
    | 'status'
    | 'progress'
    | 'latestUpdate'
    | 'latestUpdateOn',
    string
  >;
  status: Record<ActionStatus, string>;
  band: Record<PriorityBand, string>;
  quarter: string;
  pdf: Record<string, string>;
}

const strings = Object.fromEntries(
  PLAN_LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), 'utf8')) as PlanStrings,
  ]),
) as Record<PlanLanguage, PlanStrings>;

export const planLanguage = (language: string | null | undefined): PlanLanguage =>
  (PLAN_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as PlanLanguage) : 'en';

/** The export's words in a language (English when the language is not one we write in). */
export const planStrings = (language: string): PlanStrings => strings[planLanguage(language)];

export const interpolate = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** "Q1 2027" for a calendar day (YYYY-MM-DD), in the language's wording. */
export function quarterOf(language: string, day: string): string {
  const [year, month] = day.split('-');
  return interpolate(planStrings(language).quarter, {
    year: year!,
    quarter: Math.floor((Number(month) - 1) / 3) + 1,
  });
}

// One formatter per language for the life of the process: making one per call leaks memory.
const longDates = new Map<PlanLanguage, Intl.DateTimeFormat>();
const regionNames = new Map<PlanLanguage, Intl.DisplayNames>();

/** A calendar day (YYYY-MM-DD) or an instant as a long date, read in UTC so a day never shifts. */
export function longDate(language: string, value: string | Date): string {
  const lang = planLanguage(language);
  let format = longDates.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    longDates.set(lang, format);
  }
  return format.format(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value);
}

export function countryName(language: string, code: string): string {
  const lang = planLanguage(language);
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

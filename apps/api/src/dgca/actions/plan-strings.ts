import { interpolate, readLocales, serverLanguage } from '../../common/i18n/server-languages.js';
import type { ActionStatus } from './action.entity.js';
import type { PriorityBand } from './priority.js';

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

const strings = readLocales<PlanStrings>(new URL('./locales/', import.meta.url));

/** The export's words in a language (English when the language is not one we write in). */
export const planStrings = (language: string): PlanStrings => strings[serverLanguage(language)];

/** "Q1 2027" for a calendar day (YYYY-MM-DD), in the language's wording. */
export function quarterOf(language: string, day: string): string {
  const [year, month] = day.split('-');
  return interpolate(planStrings(language).quarter, {
    year: year!,
    quarter: Math.floor((Number(month) - 1) / 3) + 1,
  });
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { BreakdownGroup, Dimension, Disaggregation, Measure } from './reportTypes';

/** Where learners did not say (no consent, or no answer): its own group, never folded into another. */
export const NOT_STATED = 'not_stated';
/** The cohort "group" of enrolments that came through no cohort. */
const NO_COHORT = 'none';
/**
 * Islands, regions or departments named by fewer than 5 people, counted together so that no name
 * gives anyone away.
 */
const OTHER = 'other';

// Keys of the fixed answers a disaggregation can have; anything else (an island's name) is shown as written.
const KNOWN_CATEGORIES: Record<Disaggregation, readonly string[]> = {
  none: [],
  sex: ['female', 'male', 'another', 'prefer_not_to_say'],
  age_band: ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus', 'prefer_not_to_say'],
  disability: ['yes', 'no', 'prefer_not_to_say'],
  island_region: [],
};

export interface ReportWords {
  dimension(by: Dimension): string;
  disaggregation(split: Disaggregation): string;
  /** The same names as they read inside a sentence ("by country, split by sex"). */
  dimensionInText(by: Dimension): string;
  disaggregationInText(split: Exclude<Disaggregation, 'none'>): string;
  measure(measure: Measure): string;
  category(split: Disaggregation, category: string): string;
  group(by: Dimension, group: BreakdownGroup): string;
  /** A figure as shown in a cell: the number, "Suppressed", or "Not available". */
  value(measure: Measure, value: number | null | 'suppressed'): string;
  month(yyyyMm: string): string;
  dateTime(iso: string): string;
}

/** The report's words in the reader's language: dimensions, answers, and figures. */
export function useReportWords(): ReportWords {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    const month = (yyyyMm: string) => {
      const [year, monthNumber] = yyyyMm.split('-').map(Number);
      if (!year || !monthNumber) return yyyyMm;
      // Noon UTC on the 1st, shown in UTC: the same month in every time zone.
      return format.date(Date.UTC(year, monthNumber - 1, 1, 12), {
        year: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      });
    };
    return {
      dimension: (by) => t(`reports:dimensions.${by}`),
      disaggregation: (split) => t(`reports:disaggregations.${split}`),
      dimensionInText: (by) => t(`reports:dimensionsInText.${by}`),
      disaggregationInText: (split) => t(`reports:disaggregationsInText.${split}`),
      measure: (measure) => t(`reports:measures.${measure}`),
      category: (split, category) => {
        if (category === NOT_STATED) return t('reports:categories.not_stated');
        if (split === 'island_region' && category === OTHER) return t('reports:categories.other');
        if (KNOWN_CATEGORIES[split].includes(category)) return t(`reports:categories.${split}.${category}`);
        return category;
      },
      group: (by, group) => {
        if (group.key === NOT_STATED) return t('reports:categories.not_stated');
        if (by === 'cohort' && group.key === NO_COHORT) return t('reports:categories.noCohort');
        // Departments named by fewer than five people are pooled under one key, never named.
        if (by === 'department' && group.key === OTHER) return t('reports:categories.otherDepartments');
        if (by === 'country' && /^[A-Z]{2}$/.test(group.key)) return format.region(group.key);
        if (by === 'month') return month(group.key);
        return group.label ?? group.key;
      },
      value: (measure, value) => {
        if (value === 'suppressed') return t('reports:suppressed.word');
        if (value === null) return t('reports:notAvailable');
        if (measure === 'passRate') return format.number(value, { style: 'percent' });
        if (measure === 'averageDaysToComplete')
          return t('reports:days', {
            count: value,
            days: format.number(value, { maximumFractionDigits: 1 }),
          });
        return format.number(value);
      },
      month,
      dateTime: (iso) => format.date(iso, { dateStyle: 'long', timeStyle: 'short' }),
    };
  }, [t, format]);
}

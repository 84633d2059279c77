import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from './resultsTypes';

export interface ResultsWords {
  /** A score or mean on the scale, to one decimal; "Not available" when there is none. */
  score(value: number | null): string;
  /** A spread (standard deviation), to two decimals. */
  spread(value: number | null): string;
  /** A change since the previous assessment, signed ("+0.4", "−1.0"). */
  change(value: number | null): string;
  /** An E-Government Survey index, to four decimals as the survey publishes them. */
  index(value: number): string;
  count(value: number): string;
  date(iso: string): string;
  status(status: AssessmentStatus): string;
  country(code: string): string;
}

/** The results pages' figures in the reader's language, with one formatter of each kind per language. */
export function useResultsWords(): ResultsWords {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const oneDecimal = new Intl.NumberFormat(language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const twoDecimals = new Intl.NumberFormat(language, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const signed = new Intl.NumberFormat(language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    const fourDecimals = new Intl.NumberFormat(language, {
      minimumFractionDigits: 4,
      maximumFractionDigits: 4,
    });
    const whole = new Intl.NumberFormat(language);
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    let regions: Intl.DisplayNames | undefined;
    const notAvailable = t('dgcaResults:notAvailable');
    return {
      score: (value) => (value === null ? notAvailable : oneDecimal.format(value)),
      spread: (value) => (value === null ? notAvailable : twoDecimals.format(value)),
      change: (value) => (value === null ? notAvailable : signed.format(value)),
      index: (value) => fourDecimals.format(value),
      count: (value) => whole.format(value),
      date: (iso) => dates.format(new Date(iso)),
      status: (status) => t(`dgcaResults:status.${status}`),
      country: (code) => {
        try {
          regions ??= new Intl.DisplayNames([language], { type: 'region' });
          return regions.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [t, language]);
}

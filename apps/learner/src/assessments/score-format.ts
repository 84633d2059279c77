import { useMemo } from 'react';
import { useFormatters } from '@archipelago/ui';

/** Scores, spreads and changes as the results pages write them: one decimal, a sign on changes. */
export function useScoreFormat() {
  const { language } = useFormatters();
  // One formatter of each kind per language: Intl objects are costly to build on every cell.
  return useMemo(() => {
    const score = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const change = new Intl.NumberFormat(language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    const index = new Intl.NumberFormat(language, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
    const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    return {
      score: (value: number) => score.format(value),
      change: (value: number) => change.format(value),
      index: (value: number) => index.format(value),
      whole: (value: number) => whole.format(value),
    };
  }, [language]);
}

import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';

/**
 * "66.7%" in the learner's language. Scores come from the API as fractions (0..1) and the passing
 * score as a percent (0..100); one decimal is enough to read.
 */
export function usePercent(): { percent: (value: number) => string; fraction: (value: number) => string } {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const percent = (value: number) =>
    t('quiz:percent', { value: number(value, { maximumFractionDigits: 1 }) });
  return { percent, fraction: (value: number) => percent(value * 100) };
}

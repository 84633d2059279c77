import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';

/** "66.7%" in the learner's language (scores come with decimals; one is enough to read). */
export function usePercent(): (value: number) => string {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (value) => t('quiz.percent', { value: number(value, { maximumFractionDigits: 1 }) });
}

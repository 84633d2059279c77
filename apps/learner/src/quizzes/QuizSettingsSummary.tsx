import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { QuizOverview } from './quiz-api';
import { usePercent } from './usePercent';

/** The quiz's rules in plain words, so nothing about the attempt comes as a surprise. */
export function QuizSettingsSummary({ overview }: { overview: QuizOverview }) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const { percent } = usePercent();
  const { settings } = overview;
  const when = (iso: string) => date(iso, { dateStyle: 'long', timeStyle: 'short' });
  const allowed = overview.attemptsAllowed ?? settings.attemptsAllowed;

  const window =
    settings.availableFrom && settings.availableUntil
      ? t('quiz:settings.windowBetween', {
          from: when(settings.availableFrom),
          until: when(settings.availableUntil),
        })
      : settings.availableFrom
        ? t('quiz:settings.windowFrom', { from: when(settings.availableFrom) })
        : settings.availableUntil
          ? t('quiz:settings.windowUntil', { until: when(settings.availableUntil) })
          : t('quiz:settings.windowAlways');

  const rows: [string, string][] = [
    [t('quiz:settings.questions'), number(overview.questionCount)],
    [
      t('quiz:settings.attempts'),
      allowed === null
        ? t('quiz:settings.attemptsUnlimited', { used: overview.attemptsUsed })
        : t('quiz:settings.attemptsUsed', { allowed, used: overview.attemptsUsed }),
    ],
    [
      t('quiz:settings.timeLimit'),
      settings.timeLimitMinutes === null
        ? t('quiz:settings.noTimeLimit')
        : t('quiz:settings.minutes', { minutes: settings.timeLimitMinutes }),
    ],
    [t('quiz:settings.passingScore'), percent(settings.passingScore)],
    [t('quiz:settings.window'), window],
    [t('quiz:settings.feedback'), t(`quiz:settings.feedbackTiming.${settings.feedback}`)],
    [t('quiz:settings.grade'), t(`quiz:settings.gradeRule.${settings.grade}`)],
  ];
  return (
    <dl className="quiz-settings">
      {rows.map(([term, value]) => (
        <div className="quiz-settings__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

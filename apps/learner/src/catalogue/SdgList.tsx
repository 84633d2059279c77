import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The Sustainable Development Goals the course supports, by number and short name. */
export function SdgList({ sdgs }: { sdgs: number[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const known = sdgs.filter((goal) => Number.isInteger(goal) && goal >= 1 && goal <= 17);
  if (known.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('course.sdgs')}</h2>
      <ul>
        {known.map((goal) => (
          <li key={goal}>{t('course.sdg', { number: goal, name: t(`sdg.${goal}`) })}</li>
        ))}
      </ul>
    </section>
  );
}

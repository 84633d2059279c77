import { useTranslation } from 'react-i18next';
import { Button, VisuallyHidden } from '@archipelago/ui';
import type { PlanDimension } from './actionTypes';

/** The profile's weakest dimensions, each with a button that starts an action for it. */
export function GapsNote({
  gaps,
  dimensions,
  onPlan,
}: {
  gaps: string[];
  dimensions: PlanDimension[];
  onPlan: (dimensionKey: string) => void;
}) {
  const { t } = useTranslation();
  const named = gaps
    .map((key) => dimensions.find((dimension) => dimension.key === key))
    .filter((dimension) => dimension !== undefined);
  return (
    <section className="studio-section" aria-labelledby="plan-gaps-heading">
      <h2 id="plan-gaps-heading">{t('dgcaActions:gaps.title')}</h2>
      <p>{t('dgcaActions:gaps.intro')}</p>
      <ul className="action-gaps">
        {named.map((dimension) => (
          <li key={dimension.key}>
            <span>{dimension.name}</span>{' '}
            <Button variant="secondary" onClick={() => onPlan(dimension.key)}>
              {t('dgcaActions:gaps.plan')}
              <VisuallyHidden> {t('dgcaActions:gaps.planFor', { name: dimension.name })}</VisuallyHidden>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

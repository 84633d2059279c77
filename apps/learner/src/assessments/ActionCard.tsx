import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@archipelago/ui';
import type { ActionView } from './assessments-api';
import { useAssessmentWords } from './assessment-words';
import { ProgressUpdateForm } from './ProgressUpdateForm';

export interface ActionCardProps {
  assessmentId: string;
  action: ActionView;
  onUpdated: (action: ActionView) => void;
}

/** One action of the plan with every field, its progress, its updates and the form to add one. */
export function ActionCard({ assessmentId, action, onUpdated }: ActionCardProps) {
  const { t } = useTranslation();
  const words = useAssessmentWords();
  const period =
    action.startsOn && action.endsOn
      ? t('assessments:actions.periodBoth', {
          start: words.day(action.startsOn),
          end: words.day(action.endsOn),
        })
      : action.startsOn
        ? t('assessments:actions.periodFrom', { start: words.day(action.startsOn) })
        : action.endsOn
          ? t('assessments:actions.periodUntil', { end: words.day(action.endsOn) })
          : null;
  const facts: [label: string, value: string | null][] = [
    [t('assessments:actions.dimension'), action.dimensionName],
    [
      t('assessments:actions.priority'),
      t('assessments:actions.priorityValue', {
        band: t(`assessments:actions.band.${action.priority.band}`),
        impact: action.impact,
        feasibility: action.feasibility,
        score: action.priority.score,
      }),
    ],
    [t('assessments:actions.status'), t(`assessments:actions.statuses.${action.status}`)],
    [t('assessments:actions.owner'), action.owner],
    [t('assessments:actions.period'), period],
    [t('assessments:actions.resources'), action.resources],
    [t('assessments:actions.indicator'), action.indicator],
    [t('assessments:actions.target'), action.target],
  ];
  const headingId = `action-${action.id}`;

  return (
    <li className="action-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{action.title}</h3>
        {action.description ? <p className="action-card__description">{action.description}</p> : null}
        <dl className="arch-facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} className="action-card__fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <ProgressBar
          label={t('assessments:actions.progress')}
          value={action.progress}
          valueText={t('assessments:actions.progressValue', { progress: action.progress })}
        />
        <h4>{t('assessments:actions.updates')}</h4>
        {action.updates.length === 0 ? (
          <p>{t('assessments:actions.noUpdates')}</p>
        ) : (
          <ul className="action-updates">
            {action.updates.map((update) => (
              <li key={update.id}>
                <p className="action-updates__meta">
                  {t('assessments:actions.updateMeta', {
                    author: update.author?.displayName ?? t('assessments:actions.formerMember'),
                    date: words.format.date(update.createdAt),
                  })}
                  {update.status ? ` · ${t(`assessments:actions.statuses.${update.status}`)}` : null}
                  {update.progress !== null
                    ? ` · ${t('assessments:actions.progressValue', { progress: update.progress })}`
                    : null}
                </p>
                <p className="action-updates__comment">{update.comment}</p>
              </li>
            ))}
          </ul>
        )}
        <ProgressUpdateForm assessmentId={assessmentId} action={action} onUpdated={onUpdated} />
      </article>
    </li>
  );
}

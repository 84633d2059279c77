import { useTranslation } from 'react-i18next';
import { Skeleton, useSession } from '@archipelago/ui';
import { LoadFailed } from '../account/LoadFailed';
import { useResource } from '../learning/useResource';
import { ActionCard } from './ActionCard';
import { fetchTeamActions, type ActionView } from './assessments-api';

/** The team's action plan, read-only but for progress updates any participant may post. */
export function ActionPlan({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { state, retry, replace } = useResource(
    `assessment-actions|${assessmentId}|${me?.user.id ?? ''}`,
    (signal) => fetchTeamActions(assessmentId, signal),
  );

  const onUpdated = (updated: ActionView) => {
    if (state.status !== 'ready') return;
    replace(state.data.map((action) => (action.id === updated.id ? updated : action)));
  };

  return (
    <section aria-labelledby="action-plan-heading" className="action-plan">
      <h2 id="action-plan-heading">{t('assessments:actions.title')}</h2>
      {state.status === 'loading' ? <Skeleton lines={4} label={t('assessments:actions.loading')} /> : null}
      {state.status === 'error' || state.status === 'missing' ? <LoadFailed retry={retry} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? <p>{t('assessments:actions.empty')}</p> : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <>
          <p>{t('assessments:actions.intro')}</p>
          <ol className="action-list">
            {state.data.map((action) => (
              <ActionCard key={action.id} assessmentId={assessmentId} action={action} onUpdated={onUpdated} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

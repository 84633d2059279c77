import { useApiData } from '../../data/useApiData';
import { listAssessments } from './assessments-api';

/**
 * Completed assessments of the institution a new one may be compared with (the API checks the
 * subject and country match). `current` is the one already chosen, kept even if the list misses it.
 * Undefined while loading; empty if the list could not be read (nothing to compare with then).
 */
export function usePreviousChoices(
  institutionId: string,
  exceptId?: string,
  current?: { id: string; title: string } | null,
): { id: string; title: string }[] | undefined {
  const { state } = useApiData(`dgca-previous:${institutionId}`, (signal) =>
    listAssessments({ institutionId, status: 'completed', pageSize: 100 }, signal),
  );
  if (state.status === 'loading') return undefined;
  const items = state.status === 'ready' ? state.data.items : [];
  const choices = items.filter((a) => a.id !== exceptId).map((a) => ({ id: a.id, title: a.title }));
  if (current && !choices.some((c) => c.id === current.id)) choices.unshift(current);
  return choices;
}

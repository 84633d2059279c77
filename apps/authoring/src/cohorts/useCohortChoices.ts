import { api } from '../api';
import type { Schemas } from '@archipelago/api-client';
import { useApiData } from '../data/useApiData';

type Member = Schemas['MemberView'];

export interface Choice {
  id: string;
  label: string;
}

/** What may be chosen; `failed` when the list could not be read (it is then empty, not "none"). */
export interface Choices {
  items: Choice[];
  failed: boolean;
}

/**
 * The published courses a cohort of the institution may include (the first 100, enough for one
 * institution's catalogue). Undefined while loading.
 */
export function useCourseChoices(institutionId: string): Choices | undefined {
  const { state } = useApiData(`courses:${institutionId}`, (signal) =>
    api.GET('/api/studio/courses', {
      params: { query: { status: 'published', pageSize: 100 } },
      signal,
    }),
  );
  if (state.status === 'loading') return undefined;
  if (state.status === 'failed') return { items: [], failed: true };
  return {
    items: state.data.items
      .filter((course) => course.institutionId === institutionId)
      .map((course) => ({ id: course.id, label: course.title })),
    failed: false,
  };
}

/** Who may facilitate a cohort of the institution: its trainers and institution admins. */
export function useFacilitatorChoices(institutionId: string): Choices | undefined {
  const members = (role: 'trainer' | 'institution_admin', signal: AbortSignal) =>
    api.GET('/api/institutions/{id}/members', {
      params: { path: { id: institutionId }, query: { role, pageSize: 100 } },
      signal,
    });
  const { state } = useApiData<Member[]>(`facilitators:${institutionId}`, async (signal) => {
    const [trainers, admins] = await Promise.all([
      members('trainer', signal),
      members('institution_admin', signal),
    ]);
    if (!trainers.data) return { error: trainers.error, response: trainers.response };
    if (!admins.data) return { error: admins.error, response: admins.response };
    return { data: [...trainers.data.items, ...admins.data.items], response: admins.response };
  });
  if (state.status === 'loading') return undefined;
  if (state.status === 'failed') return { items: [], failed: true };
  return {
    items: state.data
      .filter((member) => member.status === 'active')
      .map((member) => ({ id: member.id, label: `${member.displayName} (${member.email})` }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    failed: false,
  };
}

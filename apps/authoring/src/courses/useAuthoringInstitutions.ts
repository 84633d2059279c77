import type { Me } from '@archipelago/api-client';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { authoringInstitutions, isPlatformAdmin } from '../session/access';

export interface InstitutionChoice {
  id: string;
  name: string;
}

/**
 * Where this person may create a course: every institution for platform admins (the first 100,
 * enough for a regional deployment), otherwise those where they are a trainer or institution admin.
 */
export function useAuthoringInstitutions(me: Me): InstitutionChoice[] | undefined {
  const everyone = isPlatformAdmin(me);
  const { state } = useApiData(everyone ? 'all-institutions' : 'own', (signal) =>
    everyone
      ? api.GET('/api/institutions', { params: { query: { pageSize: 100 } }, signal })
      : // Trainers already know their institutions from /api/me: no need to ask.
        Promise.resolve({
          data: { items: [], page: 1, pageSize: 0, total: 0 },
          response: new Response(null),
        }),
  );
  if (!everyone) {
    return authoringInstitutions(me).map((m) => ({ id: m.institutionId, name: m.institutionName }));
  }
  return state.status === 'ready' ? state.data.items.map(({ id, name }) => ({ id, name })) : undefined;
}

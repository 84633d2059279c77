import type { Me } from '@archipelago/api-client';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { administeredInstitutions, isPlatformAdmin } from '../session/access';

export interface InstitutionChoice {
  id: string;
  name: string;
}

/**
 * The institutions a person may filter or act on: every institution for platform admins (the
 * first 100, enough for a regional deployment), their own administered ones for institution admins.
 */
export function useInstitutionChoices(me: Me): InstitutionChoice[] {
  const everyone = isPlatformAdmin(me);
  const { state } = useApiData(everyone ? 'all-institutions' : 'none', (signal) =>
    everyone
      ? api.GET('/api/institutions', { params: { query: { pageSize: 100 } }, signal })
      : // Institution admins already know their institutions from /api/me: no need to ask.
        Promise.resolve({
          data: { items: [], page: 1, pageSize: 0, total: 0 },
          response: new Response(null),
        }),
  );
  if (!everyone) {
    return administeredInstitutions(me).map((m) => ({ id: m.institutionId, name: m.institutionName }));
  }
  return state.status === 'ready' ? state.data.items.map(({ id, name }) => ({ id, name })) : [];
}

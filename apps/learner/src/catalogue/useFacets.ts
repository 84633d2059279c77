import { useEffect, useState } from 'react';
import { api } from '../api';

async function fetchFacets(signal: AbortSignal) {
  const { data, error } = await api.GET('/api/courses/facets', { signal });
  if (error !== undefined || data === undefined) throw new Error('GET /api/courses/facets failed');
  return data;
}

export type CatalogueFacets = Awaited<ReturnType<typeof fetchFacets>>;

/**
 * What the filter controls can offer, with course counts; null until it arrives, and if it never
 * does: the filters then still work, offering every language and band without counts.
 */
export function useFacets(): CatalogueFacets | null {
  const [facets, setFacets] = useState<CatalogueFacets | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchFacets(controller.signal).then(setFacets, () => undefined);
    return () => controller.abort();
  }, []);
  return facets;
}

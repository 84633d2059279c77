import type { Schemas } from '@archipelago/api-client';

export type CourseLanguage = Schemas['CourseLanguage'];
export type CourseLength = Schemas['CourseLength'];

export const LANGUAGES: readonly CourseLanguage[] = ['en', 'es', 'fr'];
/** The API's length bands, shortest first. */
export const LENGTHS: readonly CourseLength[] = ['under-5', '5-to-20', 'over-20'];
/** As many topics as the API accepts in one request. */
const MAX_TOPICS = 20;

/** What the catalogue shows: the search, the filters and the page, all read from the address. */
export interface CatalogueFilters {
  query: string;
  topics: string[];
  languages: CourseLanguage[];
  length: CourseLength | null;
}

const isLanguage = (value: string): value is CourseLanguage => (LANGUAGES as string[]).includes(value);
const isLength = (value: string | null): value is CourseLength =>
  value !== null && (LENGTHS as string[]).includes(value);
const distinct = <T>(values: T[]) => [...new Set(values)];

/**
 * The filters in an address such as `/courses?topic=leadership&language=es&length=under-5`, the
 * same parameter names as GET /api/courses. A hand-edited value the API would refuse (an unknown
 * language or band, an over-long topic) is dropped, so an odd link still shows courses.
 */
export function filtersFrom(params: URLSearchParams): CatalogueFilters {
  const length = params.get('length');
  return {
    query: params.get('query')?.trim() ?? '',
    topics: distinct(
      params
        .getAll('topic')
        .map((topic) => topic.trim())
        .filter((topic) => topic.length > 0 && topic.length <= 100),
    ).slice(0, MAX_TOPICS),
    languages: distinct(params.getAll('language').filter(isLanguage)),
    length: isLength(length) ? length : null,
  };
}

export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export const hasFilters = (filters: CatalogueFilters): boolean =>
  filters.topics.length > 0 || filters.languages.length > 0 || filters.length !== null;

export const filterCount = (filters: CatalogueFilters): number =>
  filters.topics.length + filters.languages.length + (filters.length ? 1 : 0);

/** The catalogue's address for these filters and page; page 1 and empty filters are left out. */
export function catalogueHref(filters: CatalogueFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.query) params.set('query', filters.query);
  for (const topic of filters.topics) params.append('topic', topic);
  for (const language of filters.languages) params.append('language', language);
  if (filters.length) params.set('length', filters.length);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/courses?${search}` : '/courses';
}

/** `values` with `value` added when `on`, removed otherwise. */
export function toggled<T>(values: T[], value: T, on: boolean): T[] {
  return on ? distinct([...values, value]) : values.filter((item) => item !== value);
}

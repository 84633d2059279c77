import { likePattern } from '../users/search.js';

/**
 * Length bands a catalogue offers instead of free hour ranges: a learner thinks "short course" or
 * "a few weeks", not "between 3.5 and 12 hours". Each band is closed on the side a person would
 * expect: a 5-hour course is "5 to 20", a 20-hour one too.
 */
export enum CourseLength {
  Under5 = 'under-5',
  From5To20 = '5-to-20',
  Over20 = 'over-20',
}

export const COURSE_LENGTHS = Object.values(CourseLength);

/** Words under /api/courses/ that are catalogue routes, so no course may take them as its slug. */
export const RESERVED_SLUGS = ['facets'];

/**
 * The band of a version's estimated hours, in SQL, on `v.snapshot`; NULL when the author gave no
 * estimate (such a course matches no length filter). One expression serves the filter and the
 * facet counts, so they cannot disagree on a boundary.
 */
export const LENGTH_BAND = `
  CASE
    WHEN (v.snapshot #>> '{course,estimatedHours}')::numeric < 5 THEN '${CourseLength.Under5}'
    WHEN (v.snapshot #>> '{course,estimatedHours}')::numeric <= 20 THEN '${CourseLength.From5To20}'
    WHEN (v.snapshot #>> '{course,estimatedHours}')::numeric > 20 THEN '${CourseLength.Over20}'
  END`;

export interface CatalogueFilter {
  query?: string;
  topic?: string[];
  language?: string[];
  length?: CourseLength;
}

/**
 * The WHERE clause (on `v`, the latest course_version) for a search and filters, with its
 * parameters as $1 to $4. Topics and languages match any of the values given; the search, each
 * filter and the length are all required together. An absent filter is a NULL parameter, so the
 * statement text is the same for every request and PostgreSQL can reuse its plan.
 */
export function catalogueWhere(filter: CatalogueFilter): { where: string; params: unknown[] } {
  return {
    where: `
      ($1::text IS NULL
        OR v.snapshot #>> '{course,title}' ILIKE $1
        OR v.snapshot #>> '{course,summary}' ILIKE $1
        OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(v.snapshot #> '{course,topics}') t WHERE t ILIKE $1))
      AND ($2::text[] IS NULL OR (v.snapshot #> '{course,topics}') ?| $2::text[])
      AND ($3::text[] IS NULL OR v.snapshot #>> '{course,language}' = ANY($3::text[]))
      AND ($4::text IS NULL OR ${LENGTH_BAND} = $4)`,
    params: [
      filter.query ? likePattern(filter.query) : null,
      filter.topic?.length ? filter.topic : null,
      filter.language?.length ? filter.language : null,
      filter.length ?? null,
    ],
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { fileUrl } from '../files/files.dto.js';
import { catalogueWhere, COURSE_LENGTHS, LENGTH_BAND, type CatalogueFilter } from './catalogue-filters.js';
import type {
  CatalogueCourse,
  CatalogueCourseDetail,
  CatalogueFacets,
  CataloguePage,
  CatalogueQuery,
  LanguageFacet,
  TopicFacet,
} from './catalogue.dto.js';
import type { SnapshotCourse, SnapshotModule } from './version-snapshot.js';

/** Each published course with its latest version; the snapshot only of that version is read. */
const LATEST = `
  WITH latest AS (
    SELECT v.course_id, max(v.number) AS number
      FROM course_version v JOIN course c ON c.id = v.course_id
     WHERE c.status = 'published'
     GROUP BY v.course_id
  )`;

interface Row {
  slug: string;
  course: SnapshotCourse;
  version: number;
}

const summary = ({ slug, course, version }: Row): CatalogueCourse => ({
  slug,
  title: course.title,
  summary: course.summary,
  language: course.language,
  estimatedHours: course.estimatedHours,
  topics: course.topics,
  coverUrl: course.coverFileId ? fileUrl(course.coverFileId) : null,
  version,
});

/**
 * The public catalogue: published courses as their latest version describes them, never the draft
 * that authors may be editing. Unpublished and archived courses are not shown.
 */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One query for the page and its total; the search and filters are in catalogue-filters.ts. */
  async list(query: CatalogueQuery): Promise<CataloguePage> {
    const { where, params } = catalogueWhere(query);
    const rows = (await this.db.query(
      `${LATEST}
       SELECT c.slug, v.snapshot -> 'course' AS course, v.number AS version, count(*) OVER ()::int AS total
         FROM latest l
         JOIN course_version v ON v.course_id = l.course_id AND v.number = l.number
         JOIN course c ON c.id = l.course_id
        WHERE ${where}
        ORDER BY v.snapshot #>> '{course,title}', c.slug
        LIMIT $5 OFFSET $6`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as (Row & { total: number })[];
    // Past the last page the window count is not there; count again only then.
    const total = rows[0]?.total ?? (query.page > 1 ? await this.count(query) : 0);
    return { items: rows.map(summary), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * What the filter controls offer: topics, languages and length bands with how many published
   * courses have each, over the whole catalogue (not narrowed by a search), in one query.
   */
  async facets(): Promise<CatalogueFacets> {
    const [row] = (await this.db.query(
      `${LATEST},
       shown AS (
         SELECT l.course_id, v.snapshot -> 'course' AS course, ${LENGTH_BAND} AS band
           FROM latest l JOIN course_version v ON v.course_id = l.course_id AND v.number = l.number
       )
       SELECT
         (SELECT count(*)::int FROM shown) AS total,
         (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY lower(value), value), '[]')
            FROM (SELECT t AS value, count(DISTINCT s.course_id)::int AS n
                    FROM shown s, jsonb_array_elements_text(s.course -> 'topics') t
                   GROUP BY t) topics) AS topics,
         (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY value), '[]')
            FROM (SELECT course ->> 'language' AS value, count(*)::int AS n FROM shown GROUP BY 1) languages)
           AS languages,
         (SELECT coalesce(json_object_agg(band, n), '{}')
            FROM (SELECT band, count(*)::int AS n FROM shown WHERE band IS NOT NULL GROUP BY band) bands)
           AS lengths`,
    )) as [
      { total: number; topics: TopicFacet[]; languages: LanguageFacet[]; lengths: Record<string, number> },
    ];
    return {
      total: row.total,
      topics: row.topics,
      languages: row.languages,
      lengths: COURSE_LENGTHS.map((value) => ({ value, count: row.lengths[value] ?? 0 })),
    };
  }

  async get(slug: string): Promise<CatalogueCourseDetail> {
    const [row] = (await this.db.query(
      `${LATEST}
       SELECT c.slug, v.snapshot -> 'course' AS course, v.number AS version, v.published_at AS "publishedAt",
              v.snapshot -> 'modules' AS modules
         FROM latest l
         JOIN course_version v ON v.course_id = l.course_id AND v.number = l.number
         JOIN course c ON c.id = l.course_id
        WHERE c.slug = $1`,
      [slug],
    )) as (Row & { publishedAt: Date; modules: SnapshotModule[] })[];
    if (!row) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `There is no published course "${slug}".`,
      });
    }
    const { course } = row;
    return {
      ...summary(row),
      toolkit: course.toolkit,
      outcomes: course.outcomes,
      sdgs: course.sdgs,
      coverAlt: course.coverAlt,
      enrolmentMode: course.enrolmentMode,
      publishedAt: row.publishedAt.toISOString(),
      modules: row.modules.map(({ id, title, summary: text, objectives, estimatedMinutes, activities }) => ({
        id,
        title,
        summary: text,
        objectives,
        estimatedMinutes,
        activities: activities.map(({ id: activityId, kind, title: name, required }) => ({
          id: activityId,
          kind,
          title: name,
          required,
        })),
      })),
    };
  }

  private async count(filter: CatalogueFilter): Promise<number> {
    const { where, params } = catalogueWhere(filter);
    const [{ total }] = (await this.db.query(
      `${LATEST}
       SELECT count(*)::int AS total
         FROM latest l JOIN course_version v ON v.course_id = l.course_id AND v.number = l.number
        WHERE ${where}`,
      params,
    )) as [{ total: number }];
    return total;
  }
}

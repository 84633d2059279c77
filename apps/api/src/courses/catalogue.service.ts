import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { likePattern } from '../users/search.js';
import type {
  CatalogueCourse,
  CatalogueCourseDetail,
  CataloguePage,
  CatalogueQuery,
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
  version,
});

/**
 * The public catalogue: published courses as their latest version describes them, never the draft
 * that authors may be editing. Unpublished and archived courses are not shown.
 */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: CatalogueQuery): Promise<CataloguePage> {
    const pattern = query.query ? likePattern(query.query) : null;
    const rows = (await this.db.query(
      `${LATEST}
       SELECT c.slug, v.snapshot -> 'course' AS course, v.number AS version, count(*) OVER ()::int AS total
         FROM latest l
         JOIN course_version v ON v.course_id = l.course_id AND v.number = l.number
         JOIN course c ON c.id = l.course_id
        WHERE $1::text IS NULL
           OR v.snapshot #>> '{course,title}' ILIKE $1
           OR v.snapshot #>> '{course,summary}' ILIKE $1
           OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(v.snapshot #> '{course,topics}') t WHERE t ILIKE $1)
        ORDER BY v.snapshot #>> '{course,title}', c.slug
        LIMIT $2 OFFSET $3`,
      [pattern, query.pageSize, (query.page - 1) * query.pageSize],
    )) as (Row & { total: number })[];
    // Past the last page the window count is not there; count again only then.
    const total = rows[0]?.total ?? (query.page > 1 ? await this.count(pattern) : 0);
    return { items: rows.map(summary), page: query.page, pageSize: query.pageSize, total };
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

  private async count(pattern: string | null): Promise<number> {
    const [{ total }] = (await this.db.query(
      `${LATEST}
       SELECT count(*)::int AS total
         FROM latest l JOIN course_version v ON v.course_id = l.course_id AND v.number = l.number
        WHERE $1::text IS NULL
           OR v.snapshot #>> '{course,title}' ILIKE $1
           OR v.snapshot #>> '{course,summary}' ILIKE $1
           OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(v.snapshot #> '{course,topics}') t WHERE t ILIKE $1)`,
      [pattern],
    )) as [{ total: number }];
    return total;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  SnapshotActivity,
  SnapshotCourse,
  SnapshotModule,
  VersionSnapshot,
} from './version-snapshot.js';

/** A published version's outline, indexed for the reader: in course order, with where each activity sits. */
export interface VersionOutline {
  versionId: string;
  courseId: string;
  number: number;
  course: SnapshotCourse;
  modules: SnapshotModule[];
  /** Every activity in course order, with its module. */
  sequence: { activity: SnapshotActivity; module: SnapshotModule }[];
  /** Position of each activity id in `sequence`. */
  positions: Map<string, number>;
  requiredIds: string[];
}

/** The version a course's learners enrol on now: its latest, while the course is published. */
export interface EnrollableVersion {
  courseId: string;
  versionId: string;
  number: number;
  enrolmentMode: string;
  institutionId: string;
  title: string;
}

const MAX_CACHED = 500;

/**
 * The courses module's read side for learning: published versions, which never change once
 * written, so their outlines are kept in memory after the first read. Activity content is read one
 * activity at a time, never the whole course.
 */
@Injectable()
export class PublishedVersionsService {
  private readonly cache = new Map<string, VersionOutline>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async enrollable(slug: string): Promise<EnrollableVersion | null> {
    const [row] = (await this.db.query(
      `SELECT c.id AS "courseId", v.id AS "versionId", v.number, c.enrolment_mode AS "enrolmentMode",
              c.institution_id AS "institutionId", v.snapshot #>> '{course,title}' AS title
         FROM course c
         JOIN course_version v ON v.course_id = c.id
        WHERE c.slug = $1 AND c.status = 'published'
        ORDER BY v.number DESC
        LIMIT 1`,
      [slug],
    )) as EnrollableVersion[];
    return row ?? null;
  }

  /** A course's version by number, for moving learners onto it. */
  async versionByNumber(courseId: string, number: number): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT id FROM course_version WHERE course_id = $1 AND number = $2`, [
      courseId,
      number,
    ])) as { id: string }[];
    return row?.id ?? null;
  }

  /** The outlines of several versions: from memory, reading only those not seen yet, in one query. */
  async outlines(versionIds: readonly string[]): Promise<Map<string, VersionOutline>> {
    const found = new Map<string, VersionOutline>();
    const missing: string[] = [];
    for (const id of new Set(versionIds)) {
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const rows = (await this.db.query(
      `SELECT id, course_id AS "courseId", number, snapshot FROM course_version WHERE id = ANY($1)`,
      [missing],
    )) as { id: string; courseId: string; number: number; snapshot: VersionSnapshot }[];
    for (const row of rows) {
      const outline = index(row.id, row.courseId, row.number, row.snapshot);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(row.id, outline);
      found.set(row.id, outline);
    }
    return found;
  }

  async outline(versionId: string): Promise<VersionOutline> {
    const outline = (await this.outlines([versionId])).get(versionId);
    // Enrolments reference versions by foreign key, and versions are never deleted on their own.
    if (!outline) throw new Error(`course version ${versionId} does not exist`);
    return outline;
  }

  async activityContent(
    versionId: string,
    activityId: string,
  ): Promise<{ kind: string; content: Record<string, unknown> } | null> {
    const [row] = (await this.db.query(
      `SELECT kind, content FROM course_version_activity WHERE version_id = $1 AND activity_id = $2`,
      [versionId, activityId],
    )) as { kind: string; content: Record<string, unknown> }[];
    return row ?? null;
  }

  /**
   * Whether any of these versions holds an activity of `kind` whose frozen content has `field`
   * equal to `value` (a scorm activity playing a given package): one indexed look-up per version.
   */
  async anyActivityContent(
    versionIds: readonly string[],
    kind: string,
    field: string,
    value: string,
  ): Promise<boolean> {
    if (versionIds.length === 0) return false;
    const [row] = (await this.db.query(
      `SELECT 1 AS found FROM course_version_activity
        WHERE version_id = ANY($1) AND kind = $2 AND content ->> $3 = $4 LIMIT 1`,
      [versionIds, kind, field, value],
    )) as { found: number }[];
    return row !== undefined;
  }
}

function index(
  versionId: string,
  courseId: string,
  number: number,
  snapshot: VersionSnapshot,
): VersionOutline {
  const sequence = snapshot.modules.flatMap((module) =>
    module.activities.map((activity) => ({ activity, module })),
  );
  return {
    versionId,
    courseId,
    number,
    course: snapshot.course,
    modules: snapshot.modules,
    sequence,
    positions: new Map(sequence.map(({ activity }, i) => [activity.id, i])),
    requiredIds: sequence.filter(({ activity }) => activity.required).map(({ activity }) => activity.id),
  };
}

import type { DataSource } from 'typeorm';
import { DEFAULT_FRAMEWORK_VERSION_ID } from '../dgca/frameworks/default-framework.js';

/** Dimension key → modules of the shipped courses (by course slug and module number, from 1). */
const DEMO_RECOMMENDATIONS: Record<string, { courseSlug: string; module: number }[]> = {
  leadership: [
    { courseSlug: 'innovation-digital-government', module: 3 },
    { courseSlug: 'changing-mindsets', module: 4 },
  ],
  strategy: [
    { courseSlug: 'innovation-digital-government', module: 1 },
    { courseSlug: 'innovation-digital-government', module: 2 },
    { courseSlug: 'innovation-digital-government', module: 7 },
  ],
  governance: [
    { courseSlug: 'innovation-digital-government', module: 9 },
    { courseSlug: 'innovation-digital-government', module: 10 },
  ],
  'legal-framework': [{ courseSlug: 'innovation-digital-government', module: 4 }],
  technology: [
    { courseSlug: 'innovation-digital-government', module: 4 },
    { courseSlug: 'innovation-digital-government', module: 11 },
  ],
  'workforce-development': [
    { courseSlug: 'innovation-digital-government', module: 6 },
    { courseSlug: 'innovation-digital-government', module: 8 },
    { courseSlug: 'changing-mindsets', module: 3 },
  ],
};

/**
 * Points the default framework's dimensions at modules of the shipped courses, so the demo's
 * results pages recommend training for the gaps. Courses are institution content, so a real
 * installation has none by default. This is the one write to a published version: it only adds
 * pointers to courses (what is rated and how never changes), and only while the version has none,
 * so running it again changes nothing. Returns how many recommendations it added.
 */
export async function seedDgcaRecommendations(db: DataSource): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = (await tx.query(
      `SELECT count(*)::int AS n FROM dgca_recommendation r
         JOIN dgca_dimension d ON d.id = r.dimension_id
        WHERE d.version_id = $1`,
      [DEFAULT_FRAMEWORK_VERSION_ID],
    )) as { n: number }[];
    if (!existing || existing.n > 0) return 0;
    const entries = Object.entries(DEMO_RECOMMENDATIONS).flatMap(([key, modules]) =>
      modules.map((target, position) => ({ key, position, ...target })),
    );
    const added = (await tx.query(
      `INSERT INTO dgca_recommendation (dimension_id, course_id, module_id, position)
       SELECT d.id, c.id, m.id, e.position
         FROM unnest($2::text[], $3::int[], $4::text[], $5::int[]) AS e(key, position, course_slug, module)
         JOIN dgca_dimension d ON d.version_id = $1 AND d.key = e.key
         JOIN course c ON c.slug = e.course_slug
         JOIN course_module m ON m.course_id = c.id AND m.position = e.module - 1
       RETURNING id`,
      [
        DEFAULT_FRAMEWORK_VERSION_ID,
        entries.map((e) => e.key),
        entries.map((e) => e.position),
        entries.map((e) => e.courseSlug),
        entries.map((e) => e.module),
      ],
    )) as { id: string }[];
    return added.length;
  });
}

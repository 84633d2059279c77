import type { EntityManager } from 'typeorm';
import type { OutlineModule } from './outline.dto.js';

/**
 * A course's modules with their activities, in order, in one query whatever the number of
 * modules: the activities are aggregated per module in the database.
 */
export async function loadOutline(manager: EntityManager, courseId: string): Promise<OutlineModule[]> {
  return manager.query(
    `SELECT m.id, m.position, m.title, m.summary, m.objectives, m.estimated_minutes AS "estimatedMinutes",
            COALESCE(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'title', a.title,
                                                'required', a.required, 'position', a.position)
                              ORDER BY a.position) FILTER (WHERE a.id IS NOT NULL), '[]') AS activities
       FROM course_module m
       LEFT JOIN activity a ON a.module_id = m.id
      WHERE m.course_id = $1
      GROUP BY m.id
      ORDER BY m.position`,
    [courseId],
  );
}

import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { ActivityKinds } from '../activities/activity-kinds.js';
import { Activity } from './activity.entity.js';
import { CourseModule } from './course-module.entity.js';
import { Course, CourseStatus } from './course.entity.js';

/** What a copy is made of, for the audit log. */
export interface CopyCounts {
  modules: number;
  activities: number;
}

/**
 * Copies a course's metadata, modules, activities and, through each activity's kind, their content
 * into a new draft course with the given title and slug. Every column of the entities is copied
 * except identity, status and bookkeeping, so a metadata field added later is copied too. Published
 * versions and learners' records belong to the original and are not copied.
 */
export async function copyCourse(
  tx: EntityManager,
  kinds: ActivityKinds,
  source: Course,
  copy: { title: string; slug: string; createdBy: string },
): Promise<{ id: string; counts: CopyCounts }> {
  const {
    id: _id,
    slug: _slug,
    title: _title,
    status: _status,
    revision: _revision,
    createdBy: _createdBy,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...metadata
  } = source;
  const courseId = randomUUID();
  await tx.getRepository(Course).insert({
    ...metadata,
    id: courseId,
    slug: copy.slug,
    title: copy.title,
    status: CourseStatus.Draft,
    createdBy: copy.createdBy,
  });

  const modules = await tx.getRepository(CourseModule).find({ where: { courseId: source.id } });
  const moduleIds = new Map(modules.map((module) => [module.id, randomUUID()]));
  if (modules.length > 0) {
    await tx.getRepository(CourseModule).insert(
      modules.map(({ id, createdAt: _c, updatedAt: _u, ...module }) => ({
        ...module,
        id: moduleIds.get(id)!,
        courseId,
      })),
    );
  }

  const rows =
    modules.length === 0
      ? []
      : await tx.getRepository(Activity).find({ where: { moduleId: In([...moduleIds.keys()]) } });
  const byKind = new Map<string, Map<string, string>>();
  const copies = rows.map(({ id, createdAt: _c, updatedAt: _u, ...activity }) => {
    const to = randomUUID();
    const ofKind = byKind.get(activity.kind) ?? new Map<string, string>();
    ofKind.set(id, to);
    byKind.set(activity.kind, ofKind);
    return { ...activity, id: to, moduleId: moduleIds.get(activity.moduleId)! };
  });
  if (copies.length > 0) await tx.getRepository(Activity).insert(copies);

  for (const [name, ids] of byKind) {
    const kind = kinds.find(name);
    // A kind that is no longer installed cannot copy its content: refuse rather than copy empty shells.
    if (!kind) throw new Error(`activity kind "${name}" is not registered; cannot duplicate its content`);
    await kind.duplicate(ids, tx);
  }
  return { id: courseId, counts: { modules: modules.length, activities: copies.length } };
}

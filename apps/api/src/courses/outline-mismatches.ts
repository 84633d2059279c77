import type { FieldError } from '../common/problem/problem-details.js';

interface Named {
  id: string;
  title: string;
}

/**
 * How a proposed outline order differs from the course's actual modules and activities: ids that
 * are unknown or repeated (named by their place in the request) and ids that are missing.
 */
export function outlineMismatches(
  proposed: { id: string; activities: string[] }[],
  modules: Named[],
  activities: Named[],
): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, message: string) => errors.push({ field, message, in: 'body' });
  const moduleIds = new Set(modules.map((m) => m.id));
  const activityIds = new Set(activities.map((a) => a.id));
  const seenModules = new Set<string>();
  const seenActivities = new Set<string>();
  proposed.forEach((module, i) => {
    if (!moduleIds.has(module.id))
      error(`modules[${i}].id`, `module ${module.id} is not a module of this course`);
    else if (seenModules.has(module.id))
      error(`modules[${i}].id`, `module ${module.id} appears more than once`);
    seenModules.add(module.id);
    module.activities.forEach((id, j) => {
      const field = `modules[${i}].activities[${j}]`;
      if (!activityIds.has(id)) error(field, `activity ${id} is not an activity of this course`);
      else if (seenActivities.has(id)) error(field, `activity ${id} appears more than once`);
      seenActivities.add(id);
    });
  });
  for (const m of modules) {
    if (!seenModules.has(m.id)) error('modules', `module ${m.id} ("${m.title}") is missing`);
  }
  for (const a of activities) {
    if (!seenActivities.has(a.id)) error('modules', `activity ${a.id} ("${a.title}") is missing`);
  }
  return errors;
}

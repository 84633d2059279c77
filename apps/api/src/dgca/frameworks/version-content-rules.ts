import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../common/problem/problem-details.js';
import type { SaveFrameworkVersionRequest } from './frameworks.dto.js';
import { DIMENSION_KEY, DIMENSION_KEY_MAX, scaleErrors } from './scale.js';

const bodyError = (field: string, message: string): FieldError => ({ field, message, in: 'body' });

/**
 * What is wrong with a draft's new content, each problem naming its field as a dotted path into the
 * body ("dimensions.2.key"). Recommended courses and modules must exist, and a module must belong
 * to the course it is recommended with.
 */
export async function contentErrors(
  tx: EntityManager,
  body: SaveFrameworkVersionRequest,
): Promise<FieldError[]> {
  const errors: FieldError[] = scaleErrors(body.scale).map((error) => bodyError(error.field, error.message));
  const firstByKey = new Map<string, number>();
  body.dimensions.forEach((dimension, index) => {
    const field = `dimensions.${index}.key`;
    if (!DIMENSION_KEY.test(dimension.key) || dimension.key.length > DIMENSION_KEY_MAX)
      errors.push(
        bodyError(
          field,
          `key must be lowercase letters and digits in words joined by hyphens, like "legal-framework"`,
        ),
      );
    const first = firstByKey.get(dimension.key);
    if (first !== undefined)
      errors.push(bodyError(field, `key "${dimension.key}" is already used by dimension ${first + 1}`));
    else firstByKey.set(dimension.key, index);
  });
  errors.push(...(await recommendationErrors(tx, body)));
  return errors;
}

async function recommendationErrors(
  tx: EntityManager,
  body: SaveFrameworkVersionRequest,
): Promise<FieldError[]> {
  const all = body.dimensions.flatMap((dimension) => dimension.recommendations);
  if (all.length === 0) return [];
  const courses = new Set(
    (
      (await tx.query(`SELECT id FROM course WHERE id = ANY($1::uuid[])`, [
        [...new Set(all.map((r) => r.courseId))],
      ])) as { id: string }[]
    ).map((row) => row.id),
  );
  const moduleIds = [...new Set(all.flatMap((r) => (r.moduleId ? [r.moduleId] : [])))];
  const courseOfModule = new Map(
    (
      (await tx.query(`SELECT id, course_id AS "courseId" FROM course_module WHERE id = ANY($1::uuid[])`, [
        moduleIds,
      ])) as { id: string; courseId: string }[]
    ).map((row) => [row.id, row.courseId]),
  );
  const errors: FieldError[] = [];
  body.dimensions.forEach((dimension, i) => {
    const seen = new Set<string>();
    dimension.recommendations.forEach((recommendation, j) => {
      const at = `dimensions.${i}.recommendations.${j}`;
      if (!courses.has(recommendation.courseId)) {
        errors.push(bodyError(`${at}.courseId`, `there is no course ${recommendation.courseId}`));
        return;
      }
      if (
        recommendation.moduleId &&
        courseOfModule.get(recommendation.moduleId) !== recommendation.courseId
      ) {
        errors.push(
          bodyError(
            `${at}.moduleId`,
            `course ${recommendation.courseId} has no module ${recommendation.moduleId}`,
          ),
        );
        return;
      }
      const identity = `${recommendation.courseId}/${recommendation.moduleId ?? ''}`;
      if (seen.has(identity))
        errors.push(
          bodyError(`${at}.courseId`, 'this course or module is already recommended for the dimension'),
        );
      seen.add(identity);
    });
  });
  return errors;
}

/** What keeps a draft from being published: no dimension, a dimension without statements, a bad scale. */
export function publishErrors(content: {
  scale: { value: number; label: string; description: string }[];
  dimensions: { statements: unknown[] }[];
}): { errors: FieldError[]; empty: boolean } {
  const errors: FieldError[] = [];
  if (content.dimensions.length === 0)
    errors.push(bodyError('dimensions', 'the framework needs at least one dimension to be published'));
  content.dimensions.forEach((dimension, index) => {
    if (dimension.statements.length === 0)
      errors.push(
        bodyError(`dimensions.${index}.statements`, 'every dimension needs at least one statement'),
      );
  });
  const empty = errors.length > 0;
  errors.push(...scaleErrors(content.scale).map((error) => bodyError(error.field, error.message)));
  return { errors, empty };
}

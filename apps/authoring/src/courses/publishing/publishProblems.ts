import type { useTranslation } from 'react-i18next';
import type { CourseDetail } from '../courseTypes';

type Translate = ReturnType<typeof useTranslation>['t'];

/** One entry of a 422 not-publishable answer: where in the course, and the server's reason. */
export interface PublishProblem {
  path: string;
  message: string;
}

/** A problem in the author's words, with the id of the place on this page where it can be fixed. */
export interface DescribedProblem {
  text: string;
  targetId?: string;
}

/** The `problems` of a 422 not-publishable answer, or undefined for any other answer. */
export function publishProblemsOf(error: unknown): PublishProblem[] | undefined {
  if (typeof error !== 'object' || error === null || !('problems' in error)) return undefined;
  const problems = (error as { problems: unknown }).problems;
  if (!Array.isArray(problems)) return undefined;
  return problems.filter(
    (entry): entry is PublishProblem =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as PublishProblem).path === 'string' &&
      typeof (entry as PublishProblem).message === 'string',
  );
}

/** Ids the details form and the outline give the controls and headings problems point at. */
export const moduleTargetId = (moduleId: string) => `module-${moduleId}`;
export const activityTargetId = (activityId: string) => `activity-${activityId}`;

const ACTIVITY_PATH = /^modules\[(\d+)\]\.activities\[(\d+)\]$/;
const MODULE_PATH = /^modules\[(\d+)\]$/;
/** The server's words for an activity with nothing in it yet (no content row, or an empty lesson). */
const EMPTY_CONTENT = /(has no content|the lesson is empty)$/;

/**
 * Turns `modules[1].activities[0]` into "Lesson 1 of module 2, “Journey maps”, …", naming modules
 * and lessons by the titles in the outline on this page, so authors need not decode paths.
 */
export function describeProblem(
  problem: PublishProblem,
  course: CourseDetail,
  t: Translate,
): DescribedProblem {
  if (problem.path === 'title') {
    return { text: t('courses.publishing.problems.title'), targetId: 'course-title' };
  }
  if (problem.path === 'summary') {
    return { text: t('courses.publishing.problems.summary'), targetId: 'course-summary' };
  }
  if (problem.path === 'modules') {
    return { text: t('courses.publishing.problems.noModules'), targetId: 'course-add-module' };
  }
  const moduleMatch = MODULE_PATH.exec(problem.path);
  if (moduleMatch) {
    const index = Number(moduleMatch[1]);
    const module = course.modules[index];
    if (module) {
      return {
        text: t('courses.publishing.problems.emptyModule', { number: index + 1, title: module.title }),
        targetId: moduleTargetId(module.id),
      };
    }
  }
  const activityMatch = ACTIVITY_PATH.exec(problem.path);
  if (activityMatch) {
    const moduleIndex = Number(activityMatch[1]);
    const position = Number(activityMatch[2]);
    const activity = course.modules[moduleIndex]?.activities[position];
    if (activity) {
      const where = {
        kind: t(`courses.kinds.${activity.kind}`, { defaultValue: activity.kind }),
        position: position + 1,
        module: moduleIndex + 1,
        title: activity.title,
      };
      // The server's reason is in English; the common one, an empty lesson, is said in the page's language.
      const text = EMPTY_CONTENT.test(problem.message)
        ? t('courses.publishing.problems.emptyActivity', where)
        : t('courses.publishing.problems.activity', { ...where, message: problem.message });
      return { text, targetId: activityTargetId(activity.id) };
    }
  }
  return { text: t('courses.publishing.problems.other', { path: problem.path, message: problem.message }) };
}

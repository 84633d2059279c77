import type { VersionOutline } from '../courses/published-versions.service.js';
import { summarize, type StatusById } from './progress-view.js';

/**
 * JSON text of a `LearningCourse`-shaped body, written straight to the response (the route's
 * OpenAPI type stays LearningCourse; the learner app reads it as such).
 */
export type JsonText<T> = string & { readonly __json: T };

export const JSON_UTF8 = 'application/json; charset=utf-8';

interface RenderedActivity {
  id: string;
  /** `{"id":…,"kind":…,"title":…,"required":…,"status":"` — the status and `"}` follow. */
  head: string;
}

interface RenderedModule {
  /** `{"id":…,"title":…,"summary":…,"objectives":…,"estimatedMinutes":…,"progress":` */
  head: string;
  requiredIds: string[];
  activities: RenderedActivity[];
}

// A field missing from an old snapshot is null, never `undefined` (which is not JSON).
const field = (name: string, value: unknown) => `"${name}":${JSON.stringify(value ?? null)}`;

/** One rendering per cached outline: published versions never change. */
const renderings = new WeakMap<VersionOutline, RenderedModule[]>();

function render(outline: VersionOutline): RenderedModule[] {
  let modules = renderings.get(outline);
  if (modules) return modules;
  modules = outline.modules.map((module) => ({
    head:
      `{${field('id', module.id)},${field('title', module.title)},${field('summary', module.summary)},` +
      `${field('objectives', module.objectives)},${field('estimatedMinutes', module.estimatedMinutes)},"progress":`,
    requiredIds: module.activities.filter((a) => a.required).map((a) => a.id),
    activities: module.activities.map((activity) => ({
      id: activity.id,
      head:
        `{${field('id', activity.id)},${field('kind', activity.kind)},${field('title', activity.title)},` +
        `${field('required', activity.required)},"status":"`,
    })),
  }));
  renderings.set(outline, modules);
  return modules;
}

/**
 * The outline of the learner's version with each activity's status and each module's progress, as
 * the JSON of `LearningModule[]`. The outline with progress is the learner app's most requested
 * read and its largest answer, and all of it but the statuses is fixed per published version: each
 * version is rendered once and the learner's statuses spliced in, instead of building an object per
 * activity and serializing the whole on every request. Statuses are a closed set of plain words.
 */
export function modulesJson(outline: VersionOutline, statuses: StatusById): string {
  let json = '[';
  render(outline).forEach((module, m) => {
    json += `${m === 0 ? '' : ','}${module.head}${JSON.stringify(summarize(module.requiredIds, statuses))},"activities":[`;
    module.activities.forEach((activity, a) => {
      json += `${a === 0 ? '' : ','}${activity.head}${statuses.get(activity.id) ?? 'not-started'}"}`;
    });
    json += ']}';
  });
  return `${json}]`;
}

/** `body` as JSON with `modules` (already JSON) added as its last field. */
export function withModules<T>(body: object, modules: string): JsonText<T> {
  const head = JSON.stringify(body);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"modules":${modules}}` as JsonText<T>;
}

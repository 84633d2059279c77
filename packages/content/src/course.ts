import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from './errors.js';
import { parseModule } from './module.js';
import type { Course, Enrolment } from './types.js';

const ENROLMENTS: readonly Enrolment[] = ['open', 'invitation', 'cohort'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The root folder of this package (works from dist/ and from compiled tests). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === '@archipelago/content') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the @archipelago/content package root');
    dir = parent;
  }
}

/** The `courses/` directory shipped with this package. */
export function defaultCoursesDir(): string {
  return path.join(packageRoot(), 'courses');
}

function text(json: Record<string, unknown>, key: string, file: string): string {
  const value = json[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ContentError(file, undefined, `"${key}" must be a non-empty text`);
  }
  return value;
}

function texts(json: Record<string, unknown>, key: string, file: string): string[] {
  const value = json[key];
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((v) => typeof v !== 'string' || v.trim() === '')
  ) {
    throw new ContentError(file, undefined, `"${key}" must be a non-empty list of texts`);
  }
  return value as string[];
}

/** Loads one course directory: `course.json` and `modules/NN-slug.md`. */
export function loadCourse(courseDir: string): Course {
  const file = path.join(courseDir, 'course.json');
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ContentError(file, undefined, `cannot read course.json: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ContentError(file, undefined, 'course.json must hold an object');
  }
  const slug = text(json, 'slug', file);
  if (!SLUG.test(slug))
    throw new ContentError(file, undefined, `"slug" must be lower-case words joined by "-"`);
  if (slug !== path.basename(courseDir)) {
    throw new ContentError(file, undefined, `"slug" (${slug}) must match the directory name`);
  }
  const estimatedHours = json.estimatedHours;
  if (typeof estimatedHours !== 'number' || !(estimatedHours > 0)) {
    throw new ContentError(file, undefined, '"estimatedHours" must be a positive number');
  }
  const sdgs = json.sdgs;
  if (!Array.isArray(sdgs) || sdgs.some((n) => !Number.isInteger(n) || n < 1 || n > 17)) {
    throw new ContentError(file, undefined, '"sdgs" must be a list of goal numbers from 1 to 17');
  }
  const enrolment = json.enrolment as Enrolment;
  if (!ENROLMENTS.includes(enrolment)) {
    throw new ContentError(file, undefined, `"enrolment" must be one of ${ENROLMENTS.join(', ')}`);
  }

  const modulesDir = path.join(courseDir, 'modules');
  if (!existsSync(modulesDir)) throw new ContentError(modulesDir, undefined, 'missing modules directory');
  const files = readdirSync(modulesDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const modules = files.map((f) => {
    const modulePath = path.join(modulesDir, f);
    return parseModule(readFileSync(modulePath, 'utf8'), f, modulePath);
  });
  modules.forEach((m, i) => {
    if (m.number !== i + 1) {
      throw new ContentError(
        path.join(modulesDir, files[i] ?? ''),
        undefined,
        `expected module number ${i + 1}`,
      );
    }
  });
  const seen = new Set<string>();
  modules.forEach((m, i) => {
    if (seen.has(m.slug)) {
      throw new ContentError(
        path.join(modulesDir, files[i] ?? ''),
        undefined,
        `duplicate module slug "${m.slug}"`,
      );
    }
    seen.add(m.slug);
  });

  return {
    slug,
    title: text(json, 'title', file),
    summary: text(json, 'summary', file),
    language: text(json, 'language', file),
    toolkit: text(json, 'toolkit', file),
    outcomes: texts(json, 'outcomes', file),
    estimatedHours,
    topics: texts(json, 'topics', file),
    sdgs: sdgs as number[],
    enrolment,
    modules,
  };
}

/**
 * Loads every course under `dir` (default: the courses shipped with this package), one
 * sub-directory per course, sorted by directory name. Throws a {@link ContentError} naming the
 * file (and line, when known) of the first malformed source.
 */
export function loadCourses(dir: string = defaultCoursesDir()): Course[] {
  const courses = readdirSync(dir)
    .filter((d) => statSync(path.join(dir, d)).isDirectory())
    .sort()
    .map((d) => loadCourse(path.join(dir, d)));
  const slugs = new Set<string>();
  for (const c of courses) {
    if (slugs.has(c.slug)) throw new ContentError(path.join(dir, c.slug), undefined, `duplicate course slug`);
    slugs.add(c.slug);
  }
  return courses;
}

import type { EntityManager } from 'typeorm';
import type { ActivityKinds, ActivitySnapshot } from '../activities/activity-kinds.js';
import type { Course } from './course.entity.js';
import { loadOutline } from './outline.query.js';

/** The course metadata a version freezes: what the catalogue and the course page show. */
export interface SnapshotCourse {
  slug: string;
  title: string;
  summary: string;
  language: string;
  toolkit: string | null;
  outcomes: string[];
  estimatedHours: number | null;
  /** The cover image (stored_file id); absent in versions published before covers existed. */
  coverFileId?: string | null;
  coverAlt: string | null;
  topics: string[];
  sdgs: number[];
  enrolmentMode: string;
}

export interface SnapshotActivity {
  /** The draft activity's id: progress recorded against one version still applies in the next. */
  id: string;
  kind: string;
  title: string;
  required: boolean;
}

/** One activity's frozen content, kept apart from the outline (course_version_activity). */
export interface FrozenActivity {
  id: string;
  kind: string;
  content: Record<string, unknown>;
}

export interface SnapshotModule {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  estimatedMinutes: number | null;
  activities: SnapshotActivity[];
}

/** The course and its outline as a version freezes them; activity content is kept apart. */
export interface VersionSnapshot {
  course: SnapshotCourse;
  modules: SnapshotModule[];
}

/** Something that keeps a course from being published, and where. */
export interface PublishProblem {
  path: string;
  message: string;
}

/**
 * Reads the course as it is and freezes it, listing every problem that would make the version
 * broken: a missing title or summary, an empty module, an activity of an unknown kind or with
 * invalid content. Each kind snapshots all of its activities in one call.
 */
export async function buildSnapshot(
  tx: EntityManager,
  course: Course,
  kinds: ActivityKinds,
): Promise<{ snapshot: VersionSnapshot; activities: FrozenActivity[]; problems: PublishProblem[] }> {
  const problems: PublishProblem[] = [];
  if (course.title.trim() === '') problems.push({ path: 'title', message: 'the course needs a title' });
  if (course.summary.trim() === '') problems.push({ path: 'summary', message: 'the course needs a summary' });

  const outline = await loadOutline(tx, course.id);
  if (outline.length === 0) problems.push({ path: 'modules', message: 'the course has no modules' });

  const idsByKind = new Map<string, string[]>();
  for (const module of outline) {
    for (const activity of module.activities) {
      idsByKind.set(activity.kind, [...(idsByKind.get(activity.kind) ?? []), activity.id]);
    }
  }
  const contents = new Map<string, ActivitySnapshot>();
  for (const [name, ids] of idsByKind) {
    const kind = kinds.find(name);
    if (!kind) continue;
    for (const [id, snapshot] of await kind.snapshot(ids, tx)) contents.set(id, snapshot);
  }

  const frozen: FrozenActivity[] = [];
  const modules = outline.map((module, m): SnapshotModule => {
    if (module.activities.length === 0) {
      problems.push({ path: `modules[${m}]`, message: `module "${module.title}" has no activities` });
    }
    const activities = module.activities.map((activity, a): SnapshotActivity => {
      const path = `modules[${m}].activities[${a}]`;
      const content = contents.get(activity.id);
      if (!kinds.find(activity.kind)) {
        problems.push({ path, message: `"${activity.title}" is of an unknown kind, ${activity.kind}` });
      } else if (!content) {
        problems.push({ path, message: `"${activity.title}" has no content` });
      } else {
        for (const problem of content.problems)
          problems.push({ path, message: `"${activity.title}": ${problem}` });
      }
      const { id, kind, title, required } = activity;
      frozen.push({ id, kind, content: content?.content ?? {} });
      return { id, kind, title, required };
    });
    const { id, title, summary, objectives, estimatedMinutes } = module;
    return { id, title, summary, objectives, estimatedMinutes, activities };
  });

  const { slug, title, summary, language, toolkit, outcomes, estimatedHours, coverAlt, topics, sdgs } =
    course;
  return {
    snapshot: {
      course: {
        slug,
        title,
        summary,
        language,
        toolkit,
        outcomes,
        estimatedHours,
        coverFileId: course.coverFileId,
        coverAlt,
        topics,
        sdgs,
        enrolmentMode: course.enrolmentMode,
      },
      modules,
    },
    activities: frozen,
    problems,
  };
}

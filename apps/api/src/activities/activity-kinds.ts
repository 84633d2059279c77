import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The contract every activity kind (lesson, quiz, scorm, …) fulfils. The course and outline code
 * only talks to kinds through it, so adding a kind never means editing a switch on its name.
 */
export interface ActivityKind {
  /** The value stored in activity.kind: lowercase letters and underscores. */
  kind: string;
  /** How the kind describes itself in the outline and in error messages (English; apps translate the kind). */
  describe: { label: string };
  /**
   * Who marks an activity of this kind completed: the learner through the progress route (a lesson
   * read), or the kind itself (a quiz, when an attempt passes), in which case the progress route
   * refuses `completed: true`. Absent means the learner.
   */
  completedBy?: 'learner' | 'kind';
  /** Creates the kind's own rows for a new activity, inside the transaction that created it. */
  onCreate(activityId: string, tx: EntityManager): Promise<void>;
  /**
   * What publishing freezes of each activity, for all of a course's activities of this kind at once
   * (one query per kind, not per activity), with the problems that keep it from being published.
   * An activity missing from the answer counts as having no content.
   */
  snapshot(activityIds: string[], tx: EntityManager): Promise<Map<string, ActivitySnapshot>>;
  /**
   * Copies the kind's content of each activity (key) to its copy (value), for all of a duplicated
   * course's activities of this kind at once, inside the transaction that made the copies. Only what
   * an author wrote is copied: never learners' records (answers, attempts, progress) or history.
   */
  duplicate(copies: Map<string, string>, tx: EntityManager): Promise<void>;
  /**
   * What a learner's reader gets of one published activity, in the reader's language. `cacheKey`
   * names the frozen content (version and activity), so a kind may keep what it computed from it.
   */
  present(content: Record<string, unknown>, context: PresentContext): ActivityPresentation;
}

export type ReaderLanguage = 'en' | 'es' | 'fr';

export interface PresentContext {
  language: ReaderLanguage;
  cacheKey: string;
}

/** One published activity as the learner's reader gets it. */
export interface ActivityPresentation {
  /** Kind-specific JSON for the learner app; the lesson kind gives its sanitized HTML. */
  content: Record<string, unknown>;
  /** Ids of the places where the learner may keep a private written answer (reflections). */
  reflections: string[];
}

/** One activity's content as a published version keeps it. */
export interface ActivitySnapshot {
  /** Kind-specific JSON that `present` reads for learners; the lesson kind keeps its document. */
  content: Record<string, unknown>;
  /** Why it cannot be published, in English sentences; empty when it can. */
  problems: string[];
}

/** The one place kinds are registered: each kind's module registers itself when it starts. */
@Injectable()
export class ActivityKinds {
  private readonly kinds = new Map<string, ActivityKind>();
  private selfCompletingNames: string | undefined;

  register(kind: ActivityKind): void {
    if (!/^[a-z_]+$/.test(kind.kind)) throw new Error(`activity kind "${kind.kind}" is not a valid name`);
    if (this.kinds.has(kind.kind)) throw new Error(`activity kind "${kind.kind}" is registered twice`);
    this.kinds.set(kind.kind, kind);
    this.selfCompletingNames = undefined;
  }

  find(kind: string): ActivityKind | undefined {
    return this.kinds.get(kind);
  }

  /**
   * Kinds whose activities only complete themselves (`completedBy: 'kind'`), space-separated: what
   * every progress write passes to its statement, so it is worked out once per registration.
   */
  selfCompleting(): string {
    this.selfCompletingNames ??= [...this.kinds.values()]
      .filter((kind) => kind.completedBy === 'kind')
      .map((kind) => kind.kind)
      .sort()
      .join(' ');
    return this.selfCompletingNames;
  }

  /** The registered kind names, sorted: what a 422 for an unknown kind lists. */
  names(): string[] {
    return [...this.kinds.keys()].sort();
  }
}

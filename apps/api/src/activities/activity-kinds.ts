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
  /** Creates the kind's own rows for a new activity, inside the transaction that created it. */
  onCreate(activityId: string, tx: EntityManager): Promise<void>;
}

/** The one place kinds are registered: each kind's module registers itself when it starts. */
@Injectable()
export class ActivityKinds {
  private readonly kinds = new Map<string, ActivityKind>();

  register(kind: ActivityKind): void {
    if (!/^[a-z_]+$/.test(kind.kind)) throw new Error(`activity kind "${kind.kind}" is not a valid name`);
    if (this.kinds.has(kind.kind)) throw new Error(`activity kind "${kind.kind}" is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  find(kind: string): ActivityKind | undefined {
    return this.kinds.get(kind);
  }

  /** The registered kind names, sorted: what a 422 for an unknown kind lists. */
  names(): string[] {
    return [...this.kinds.keys()].sort();
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface RemovedMembership {
  userId: string;
  institutionId: string;
}

/** What another module undoes when someone leaves an institution (cohorts: its cohort places). */
export interface MembershipRemovalHook {
  onMembershipRemoved(removed: RemovedMembership, tx: EntityManager): Promise<void>;
}

/**
 * Modules that attach people to an institution's things register here at start-up, so that
 * removing a membership clears them in the same transaction without this module depending on them.
 */
@Injectable()
export class MembershipRemovalHooks {
  private readonly hooks: MembershipRemovalHook[] = [];

  register(hook: MembershipRemovalHook): void {
    this.hooks.push(hook);
  }

  async removed(removed: RemovedMembership, tx: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook.onMembershipRemoved(removed, tx);
  }
}

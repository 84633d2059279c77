import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  MembershipRemovalHooks,
  type MembershipRemovalHook,
  type RemovedMembership,
} from '../users/membership-removal-hooks.js';

/**
 * Someone who leaves an institution leaves its cohorts, as member and as facilitator, in the same
 * transaction: its staff must no longer see their progress or remind them. Their enrolments and
 * progress stay, as when they are taken out of one cohort.
 */
@Injectable()
export class CohortLeavingHook implements MembershipRemovalHook, OnModuleInit {
  constructor(private readonly hooks: MembershipRemovalHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onMembershipRemoved(removed: RemovedMembership, tx: EntityManager): Promise<void> {
    for (const table of ['cohort_member', 'cohort_facilitator']) {
      await tx.query(
        `DELETE FROM ${table} p USING cohort c
          WHERE p.cohort_id = c.id AND c.institution_id = $1 AND p.user_id = $2`,
        [removed.institutionId, removed.userId],
      );
    }
  }
}

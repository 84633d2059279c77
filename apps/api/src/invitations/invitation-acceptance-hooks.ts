import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClientInfo } from '../auth/auth-context.js';

export interface AcceptedInvitation {
  invitationId: string;
  institutionId: string;
  userId: string;
  email: string;
  /** True when accepting created the account: facts the inviter gave may fill its profile. */
  accountCreated: boolean;
  client: ClientInfo;
}

/**
 * What another module does when an invitation is accepted (cohorts: the invitee becomes a member
 * and is enrolled). Runs inside the acceptance transaction, so a failure undoes the acceptance.
 */
export interface InvitationAcceptanceHook {
  onAccepted(accepted: AcceptedInvitation, tx: EntityManager): Promise<void>;
  /** A display name the inviter gave for the invitee, offered on the acceptance page. */
  suggestedDisplayName?(invitationId: string): Promise<string | null>;
  /**
   * Inviting the same person again replaced these open invitations with a new one: what was
   * attached to them (cohort places) moves to it, in the inviting transaction, since only the
   * newest link can be accepted.
   */
  onReplaced?(replacedIds: readonly string[], replacementId: string, tx: EntityManager): Promise<void>;
  /** The institution withdrew these invitations: what was attached to them goes too. */
  onRevoked?(invitationIds: readonly string[], tx: EntityManager): Promise<void>;
}

/**
 * Modules that attach something to invitations register here at start-up, so that the invitations
 * module does not depend on them (cohorts depends on invitations, not the other way round).
 */
@Injectable()
export class InvitationAcceptanceHooks {
  private readonly hooks: InvitationAcceptanceHook[] = [];

  register(hook: InvitationAcceptanceHook): void {
    this.hooks.push(hook);
  }

  async accepted(accepted: AcceptedInvitation, tx: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook.onAccepted(accepted, tx);
  }

  async replaced(replacedIds: readonly string[], replacementId: string, tx: EntityManager): Promise<void> {
    if (replacedIds.length === 0) return;
    for (const hook of this.hooks) await hook.onReplaced?.(replacedIds, replacementId, tx);
  }

  async revoked(invitationIds: readonly string[], tx: EntityManager): Promise<void> {
    if (invitationIds.length === 0) return;
    for (const hook of this.hooks) await hook.onRevoked?.(invitationIds, tx);
  }

  async suggestedDisplayName(invitationId: string): Promise<string | null> {
    for (const hook of this.hooks) {
      const name = await hook.suggestedDisplayName?.(invitationId);
      if (name) return name;
    }
    return null;
  }
}

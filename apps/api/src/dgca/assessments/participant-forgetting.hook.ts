import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountDeletionHooks, type DeletedAccount } from '../../profile/account-deletion-hooks.js';

/**
 * Deleting an account anonymises its row rather than removing it, so the foreign key's SET NULL
 * never fires: the link from the person's rater rows is cut here instead. Their ratings stay,
 * tied to no one, because completed profiles were computed from them.
 */
@Injectable()
export class ParticipantForgettingHook implements OnModuleInit {
  constructor(private readonly hooks: AccountDeletionHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onAccountDeleted(account: DeletedAccount, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE dgca_participant SET user_id = NULL WHERE user_id = $1`, [account.userId]);
  }
}

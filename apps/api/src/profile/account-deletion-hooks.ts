import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DeletedAccount {
  userId: string;
  /** The address as it was before anonymising: copies of it elsewhere must go too. */
  email: string;
}

/** What another module forgets when an account is deleted (cohorts: the person's import rows). */
export interface AccountDeletionHook {
  onAccountDeleted(account: DeletedAccount, tx: EntityManager): Promise<void>;
}

/**
 * Modules that keep copies of a person's details register here at start-up, so that deleting an
 * account removes them in the same transaction without the profile module depending on them.
 */
@Injectable()
export class AccountDeletionHooks {
  private readonly hooks: AccountDeletionHook[] = [];

  register(hook: AccountDeletionHook): void {
    this.hooks.push(hook);
  }

  async deleted(account: DeletedAccount, tx: EntityManager): Promise<void> {
    for (const hook of this.hooks) await hook.onAccountDeleted(account, tx);
  }
}

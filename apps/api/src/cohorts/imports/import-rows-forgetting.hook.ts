import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountDeletionHooks, type DeletedAccount } from '../../profile/account-deletion-hooks.js';

/**
 * An import's rows copy what the file said about each person (address, names, country,
 * department): deleting an account removes every row that carried its address, as it removes
 * everything else that identifies the person. The import keeps its counts.
 */
@Injectable()
export class ImportRowsForgettingHook implements OnModuleInit {
  constructor(private readonly hooks: AccountDeletionHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onAccountDeleted(account: DeletedAccount, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM enrolment_import_row WHERE lower(email) = lower($1)`, [account.email]);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountTokensService } from '../account-security/account-tokens.service.js';
import { PasswordCheckService } from '../account-security/password-check.service.js';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { SessionsService } from '../auth/sessions.service.js';
import { ReportingProfileService } from './reporting-profile.service.js';
import { AccountDeletionHooks } from './account-deletion-hooks.js';

/**
 * Deleting an account anonymises it rather than removing the row: records that point at it, such
 * as certificates, must stay verifiable. Everything that identifies the person goes, at once.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordCheckService,
    private readonly accounts: AccountUpdatesService,
    private readonly reporting: ReportingProfileService,
    private readonly tokens: AccountTokensService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly hooks: AccountDeletionHooks,
  ) {}

  async delete(auth: AuthContext, password: string, client: ClientInfo): Promise<void> {
    const user = await this.passwords.confirm(auth.userId, password, 'password');
    await this.db.transaction(async (tx) => {
      await this.accounts.anonymise(user.id, tx);
      await this.reporting.remove(user.id, tx);
      await this.hooks.deleted({ userId: user.id, email: user.email }, tx);
      await this.tokens.deleteAllOf(user.id, tx);
      await this.sessions.endAll(user.id, undefined, tx);
      await this.sessions.revokeApiTokens(user.id, tx);
      // The log keeps the address as it was, so administrators can still answer "who was this?".
      await this.audit.record(
        { action: 'account.deleted', actor: user, client, target: { type: 'user', id: user.id } },
        tx,
      );
    });
  }
}

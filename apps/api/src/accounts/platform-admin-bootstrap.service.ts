import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccountsService } from './accounts.service.js';
import { User } from './user.entity.js';

export interface BootstrapResult {
  email: string;
  created: boolean;
  /** Only for a new account: shown once, to be changed after the first sign-in. */
  password?: string;
}

/**
 * Makes the first platform administrator of a new installation, from the command line: nobody can
 * grant the role in the Studio before someone holds it.
 */
@Injectable()
export class PlatformAdminBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  async grant(email: string, displayName: string): Promise<BootstrapResult> {
    return this.db.transaction(async (tx) => {
      const existing = await this.accounts.findForSignIn(email);
      const password = existing ? undefined : randomBytes(18).toString('base64url');
      const user =
        existing ??
        (await this.accounts.createAccount(
          { email, displayName, password: password!, preferredLanguage: 'en', emailVerified: true },
          tx,
        ));
      await tx.getRepository(User).update(user.id, { isPlatformAdmin: true, status: 'active' });
      await this.audit.record(
        {
          action: 'role.platform_admin_changed',
          actor: null,
          target: { type: 'user', id: user.id },
          details: { to: true, via: 'command line' },
        },
        tx,
      );
      return { email: user.email, created: !existing, password };
    });
  }
}

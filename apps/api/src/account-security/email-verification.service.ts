import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';
import type { AcceptedResponse } from './account-security.dto.js';
import { AccountLinkMailer } from './account-link-mailer.service.js';
import { AccountTokensService, unusableToken } from './account-tokens.service.js';

const VERIFY_TTL_HOURS = 48;
const RESENDS_PER_HOUR = 5;

export interface MailRecipient {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
}

/** Proves that an address belongs to the person: a mailed single-use link, valid for 48 hours. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly accounts: AccountsService,
    private readonly updates: AccountUpdatesService,
    private readonly audit: AuditService,
    private readonly links: AccountLinkMailer,
    private readonly limiter: RateLimiter,
  ) {}

  /** Issues a token and mails the link, in the caller's transaction. */
  async sendLink(user: MailRecipient, manager: EntityManager): Promise<void> {
    await this.links.send(
      {
        user,
        purpose: 'verify_email',
        ttlHours: VERIFY_TTL_HOURS,
        template: 'verifyEmail',
        page: 'verify-email',
      },
      manager,
    );
  }

  async resend(auth: AuthContext): Promise<AcceptedResponse> {
    const user = await this.accounts.findById(auth.userId);
    if (!user || user.emailVerifiedAt) {
      throw new ProblemException({
        status: 409,
        type: ProblemType.Conflict,
        detail: 'Your e-mail address is already confirmed.',
      });
    }
    await this.limiter.consume({
      key: `verify-email:account:${auth.userId}`,
      max: RESENDS_PER_HOUR,
      windowSeconds: 3600,
    });
    await this.db.transaction((tx) => this.sendLink(user, tx));
    return { message: `We have sent a new confirmation link to ${user.email}.` };
  }

  async verify(token: string, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { userId } = await this.tokens.redeem(token, 'verify_email', tx);
      const user = await this.updates.findActiveWithHash(userId, tx);
      // A deactivated account keeps its links from working until it is reactivated.
      if (!user) throw unusableToken();
      await this.updates.markEmailVerified(userId, tx);
      await this.audit.record({ action: 'account.email_verified', actor: user, client }, tx);
    });
  }
}

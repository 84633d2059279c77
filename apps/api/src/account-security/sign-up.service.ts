import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { ClientInfo } from '../auth/auth-context.js';
import type { MeResponse } from '../auth/auth.dto.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService, type NewSession } from '../auth/sessions.service.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';
import { PlatformSettingsService } from '../settings/platform-settings.service.js';
import type { SignUpRequest } from './account-security.dto.js';
import { EmailVerificationService } from './email-verification.service.js';

/** Per address: a training room signing up together behind one NAT, not a bot farm. */
const SIGN_UPS_PER_ADDRESS_PER_HOUR = 20;

/** Open sign-up: an unverified account, a verification mail and a first session. */
@Injectable()
export class SignUpService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: PlatformSettingsService,
    private readonly accounts: AccountsService,
    private readonly verification: EmailVerificationService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  async signUp(request: SignUpRequest, client: ClientInfo): Promise<{ session: NewSession; me: MeResponse }> {
    if (!(await this.settings.isSignUpOpen())) {
      throw new ProblemException({
        status: 403,
        type: ProblemType.Forbidden,
        detail: 'Sign-up is closed on this platform. Ask your institution for an invitation.',
      });
    }
    await this.limiter.consume({
      key: `sign-up:ip:${client.ip}`,
      max: SIGN_UPS_PER_ADDRESS_PER_HOUR,
      windowSeconds: 3600,
    });
    const session = await this.db.transaction(async (tx) => {
      const created = await this.accounts.createAccount({ ...request, emailVerified: false }, tx);
      await this.verification.sendLink(created, tx);
      await this.audit.record(
        { action: 'account.signed_up', actor: created, client, target: { type: 'user', id: created.id } },
        tx,
      );
      return this.sessions.start(created.id, client, tx);
    });
    return { session, me: await this.auth.meForSession(session) };
  }
}

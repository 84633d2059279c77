import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { assertAcceptablePassword } from '../accounts/passwords/password-policy.js';
import { AuditService } from '../audit/audit.service.js';
import type { ClientInfo } from '../auth/auth-context.js';
import { SessionsService } from '../auth/sessions.service.js';
import { MailService } from '../notifications/mail.service.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';
import type { AcceptedResponse, PasswordResetConfirmRequest } from './account-security.dto.js';
import { AccountLinkMailer } from './account-link-mailer.service.js';
import { AccountTokensService, unusableToken } from './account-tokens.service.js';

const HOUR = 3600;
const RESET_TTL_HOURS = 1;
/** Per address: a person who lost the first mail, not a mailbomb aimed at someone's inbox. */
const RESETS_PER_EMAIL = 3;
const RESETS_PER_IP = 10;

/** The same words whether or not an account has the address, so the answer reveals nothing. */
const ACCEPTED: AcceptedResponse = {
  message:
    'If an account uses this address, we have sent it a link to choose a new password. The link works once, for one hour.',
};

/** Forgotten passwords: a mailed single-use link valid for one hour. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly accounts: AccountUpdatesService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly links: AccountLinkMailer,
    private readonly limiter: RateLimiter,
  ) {}

  async request(email: string, client: ClientInfo): Promise<AcceptedResponse> {
    // Counted for unknown addresses too: otherwise a 429 would tell which addresses exist.
    await this.limiter.consume(
      { key: `password-reset:email:${email.toLowerCase()}`, max: RESETS_PER_EMAIL, windowSeconds: HOUR },
      { key: `password-reset:ip:${client.ip}`, max: RESETS_PER_IP, windowSeconds: HOUR },
    );
    const user = await this.accounts.findActiveByEmail(email);
    if (!user) return ACCEPTED;
    await this.db.transaction(async (tx) => {
      await this.links.send(
        {
          user,
          purpose: 'reset_password',
          ttlHours: RESET_TTL_HOURS,
          template: 'passwordReset',
          page: 'reset-password',
        },
        tx,
      );
      await this.audit.record({ action: 'account.password_reset_requested', actor: user, client }, tx);
    });
    return ACCEPTED;
  }

  /** Sets the new password and signs the person out everywhere, all or nothing. */
  async confirm(request: PasswordResetConfirmRequest, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { userId } = await this.tokens.redeem(request.token, 'reset_password', tx);
      const user = await this.accounts.findActiveWithHash(userId, tx);
      if (!user) throw unusableToken();
      assertAcceptablePassword(request.password, [user.email, user.displayName]);
      await this.accounts.setPassword(userId, request.password, tx);
      await this.sessions.endAll(userId, undefined, tx);
      await this.audit.record({ action: 'account.password_reset', actor: user, client }, tx);
      await this.mail.send(
        {
          to: user.email,
          template: 'passwordChanged',
          language: user.preferredLanguage,
          params: { name: user.displayName },
        },
        tx,
      );
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { assertAcceptablePassword } from '../accounts/passwords/password-policy.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { SessionsService } from '../auth/sessions.service.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { MailService } from '../notifications/mail.service.js';
import type { AcceptedResponse, ChangeEmailRequest, ChangePasswordRequest } from './account-security.dto.js';
import { AccountLinkMailer } from './account-link-mailer.service.js';
import { AccountTokensService, unusableToken } from './account-tokens.service.js';
import { PasswordCheckService } from './password-check.service.js';

const CHANGE_EMAIL_TTL_HOURS = 24;

/** A signed-in person changing their password or e-mail address. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordCheckService,
    private readonly tokens: AccountTokensService,
    private readonly accounts: AccountUpdatesService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly links: AccountLinkMailer,
  ) {}

  /** Keeps this session, ends the others: whoever else had the old password is out. */
  async changePassword(auth: AuthContext, request: ChangePasswordRequest, client: ClientInfo): Promise<void> {
    assertAcceptablePassword(request.newPassword, [auth.email, auth.displayName], 'newPassword');
    const user = await this.passwords.confirm(auth.userId, request.currentPassword, 'currentPassword');
    await this.db.transaction(async (tx) => {
      await this.accounts.setPassword(user.id, request.newPassword, tx);
      await this.sessions.endAll(user.id, auth.sessionId, tx);
      await this.tokens.invalidate(user.id, ['reset_password'], tx);
      await this.audit.record({ action: 'account.password_changed', actor: user, client }, tx);
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

  /** Mails a confirmation link to the new address; the account keeps the old one until then. */
  async requestEmailChange(
    auth: AuthContext,
    request: ChangeEmailRequest,
    client: ClientInfo,
  ): Promise<AcceptedResponse> {
    const user = await this.passwords.confirm(auth.userId, request.password, 'password');
    if (request.newEmail.toLowerCase() === user.email.toLowerCase()) {
      throw new ProblemException({
        status: 400,
        type: ProblemType.ValidationFailed,
        detail: 'newEmail: this is already your e-mail address.',
        errors: [{ field: 'newEmail', message: 'newEmail is already your e-mail address', in: 'body' }],
      });
    }
    await this.accounts.assertEmailFree(request.newEmail, 'newEmail', user.id);
    await this.db.transaction(async (tx) => {
      await this.links.send(
        {
          user,
          purpose: 'change_email',
          ttlHours: CHANGE_EMAIL_TTL_HOURS,
          template: 'changeEmail',
          page: 'confirm-email',
          newEmail: request.newEmail,
        },
        tx,
      );
      await this.audit.record({ action: 'account.email_change_requested', actor: user, client }, tx);
    });
    return { message: `We have sent a confirmation link to ${request.newEmail}.` };
  }

  async confirmEmailChange(token: string, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { userId, newEmail } = await this.tokens.redeem(token, 'change_email', tx);
      const user = await this.accounts.findActiveWithHash(userId, tx);
      if (!user || !newEmail) throw unusableToken();
      await this.accounts.setVerifiedEmail(userId, newEmail, tx);
      // A verification link mailed to the old address must not vouch for the new one.
      await this.tokens.invalidate(userId, ['verify_email'], tx);
      await this.audit.record(
        { action: 'account.email_changed', actor: user, client, details: { from: user.email, to: newEmail } },
        tx,
      );
    });
  }
}

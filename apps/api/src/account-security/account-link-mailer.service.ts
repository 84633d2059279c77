import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import type { MailTemplate } from '../notifications/mail-templates.js';
import { MailService } from '../notifications/mail.service.js';
import { accountLink, formatExpiry } from './account-links.js';
import type { AccountTokenPurpose } from './account-token.entity.js';
import { AccountTokensService } from './account-tokens.service.js';

export interface AccountLinkMail {
  user: { id: string; email: string; displayName: string; preferredLanguage: string };
  purpose: AccountTokenPurpose;
  ttlHours: number;
  template: MailTemplate;
  /** The learner-app page that redeems the token, e.g. 'reset-password'. */
  page: string;
  /** For an e-mail change: the new address, which receives the link. */
  newEmail?: string;
}

/**
 * Issues a single-use token and mails its link in the person's language, in the caller's
 * transaction: verification, password reset and e-mail change all work this way.
 */
@Injectable()
export class AccountLinkMailer {
  constructor(
    private readonly tokens: AccountTokensService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(input: AccountLinkMail, manager: EntityManager): Promise<void> {
    const { user } = input;
    const { token, expiresAt } = await this.tokens.issue(
      { userId: user.id, purpose: input.purpose, ttlHours: input.ttlHours, newEmail: input.newEmail },
      manager,
    );
    await this.mail.send(
      {
        to: input.newEmail ?? user.email,
        template: input.template,
        language: user.preferredLanguage,
        params: { name: user.displayName, expires: formatExpiry(expiresAt, user.preferredLanguage) },
        actionUrl: accountLink(this.config.PUBLIC_URL, input.page, token),
      },
      manager,
    );
  }
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccountToken } from './account-token.entity.js';
import { AccountLinkMailer } from './account-link-mailer.service.js';
import { AccountTokensService } from './account-tokens.service.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { EmailVerificationController } from './email-verification.controller.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordCheckService } from './password-check.service.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { SignUpController } from './sign-up.controller.js';
import { SignUpService } from './sign-up.service.js';

/** Sign-up, e-mail verification, password reset and change, e-mail change; owns `account_token`. */
@Module({
  imports: [TypeOrmModule.forFeature([AccountToken]), AccountsModule],
  controllers: [
    SignUpController,
    EmailVerificationController,
    PasswordResetController,
    CredentialsController,
  ],
  providers: [
    AccountLinkMailer,
    AccountTokensService,
    PasswordCheckService,
    EmailVerificationService,
    SignUpService,
    PasswordResetService,
    CredentialsService,
  ],
  exports: [AccountTokensService, PasswordCheckService],
})
export class AccountSecurityModule {}

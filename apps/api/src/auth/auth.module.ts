import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensService } from './api-tokens.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.service.js';
import { MySessionsController } from './my-sessions.controller.js';
import { MySessionsService } from './my-sessions.service.js';
import { PrincipalCache } from './principal-cache.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

/** Global: the access guard and other modules need the authenticator and sessions. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Session, ApiToken]), AccountsModule],
  controllers: [AuthController, MySessionsController, ApiTokensController],
  providers: [
    PrincipalCache,
    Authenticator,
    AuthService,
    SessionsService,
    MySessionsService,
    ApiTokensService,
  ],
  exports: [Authenticator, AuthService, SessionsService, MySessionsService, ApiTokensService],
})
export class AuthModule {}

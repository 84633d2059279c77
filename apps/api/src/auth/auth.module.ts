import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { ApiToken } from './api-token.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.service.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

/** Global: the access guard and other modules need the authenticator and sessions. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Session, ApiToken]), AccountsModule, InstitutionsModule],
  controllers: [AuthController],
  providers: [Authenticator, AuthService, SessionsService],
  exports: [Authenticator, AuthService, SessionsService],
})
export class AuthModule {}

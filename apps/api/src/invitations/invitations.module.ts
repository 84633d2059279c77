import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { UsersModule } from '../users/users.module.js';
import { InvitationAcceptanceHooks } from './invitation-acceptance-hooks.js';
import { InvitationAcceptanceController } from './invitation-acceptance.controller.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { Invitation } from './invitation.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Invitation]), AccountsModule, InstitutionsModule, UsersModule],
  controllers: [InvitationsController, InvitationAcceptanceController],
  providers: [InvitationsService, InvitationAcceptanceService, InvitationAcceptanceHooks],
  exports: [InvitationsService, InvitationAcceptanceHooks],
})
export class InvitationsModule {}

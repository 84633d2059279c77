import { Module } from '@nestjs/common';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MembershipRemovalHooks } from './membership-removal-hooks.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/**
 * Administration of people and memberships. The accounts module owns the tables and account
 * creation; this module is the administrators' view of them and writes only status, the platform
 * admin flag and memberships.
 */
@Module({
  imports: [InstitutionsModule],
  controllers: [UsersController, MembersController],
  providers: [UsersService, MembersService, MembershipRemovalHooks],
  exports: [MembersService, MembershipRemovalHooks],
})
export class UsersModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountUpdatesService } from './account-updates.service.js';
import { AccountsService } from './accounts.service.js';
import { PlatformAdminBootstrap } from './platform-admin-bootstrap.service.js';
import { Membership } from './membership.entity.js';
import { User } from './user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Membership])],
  providers: [AccountsService, AccountUpdatesService, PlatformAdminBootstrap],
  exports: [AccountsService, AccountUpdatesService],
})
export class AccountsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service.js';
import { Membership } from './membership.entity.js';
import { User } from './user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Membership])],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}

import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [InstitutionsModule, AccountsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}

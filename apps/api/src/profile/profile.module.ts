import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountSecurityModule } from '../account-security/account-security.module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { DataExportService } from './data-export.service.js';
import { MyDataController } from './my-data.controller.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';
import { ReportingProfile } from './reporting-profile.entity.js';
import { ReportingProfileController } from './reporting-profile.controller.js';
import { ReportingProfileService } from './reporting-profile.service.js';
import { AccountDeletionHooks } from './account-deletion-hooks.js';

/** The person's profile, reporting details (with consent), data download and account deletion. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportingProfile]),
    AccountsModule,
    InstitutionsModule,
    AccountSecurityModule,
  ],
  controllers: [ProfileController, ReportingProfileController, MyDataController],
  providers: [
    ProfileService,
    ReportingProfileService,
    DataExportService,
    AccountDeletionService,
    AccountDeletionHooks,
  ],
  exports: [ReportingProfileService, AccountDeletionHooks],
})
export class ProfileModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { LearningModule } from '../learning/learning.module.js';
import { QuizAttemptsModule } from '../quizzes/attempts/quiz-attempts.module.js';
import { ScormRuntimeModule } from '../scorm/runtime/scorm-runtime.module.js';
import { ProfileModule } from '../profile/profile.module.js';
import { UsersModule } from '../users/users.module.js';
import { CohortCourse } from './cohort-course.entity.js';
import { CohortDeadline } from './cohort-deadline.entity.js';
import { CohortEnrolmentService } from './cohort-enrolment.service.js';
import { CohortFacilitator } from './cohort-facilitator.entity.js';
import { CohortInvitationHook } from './cohort-invitation.hook.js';
import { CohortLeavingHook } from './cohort-leaving.hook.js';
import { CohortInvitee } from './cohort-invitee.entity.js';
import { CohortMember } from './cohort-member.entity.js';
import { CohortMembersController } from './cohort-members.controller.js';
import { CohortMembersService } from './cohort-members.service.js';
import { CohortViews } from './cohort-views.js';
import { Cohort } from './cohort.entity.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';
import { EnrolmentImportJobs } from './imports/enrolment-import-jobs.js';
import { EnrolmentImportWorker } from './imports/enrolment-import.worker.js';
import { EnrolmentImportsController } from './imports/enrolment-imports.controller.js';
import { EnrolmentImportsService } from './imports/enrolment-imports.service.js';
import { ImportRowsForgettingHook } from './imports/import-rows-forgetting.hook.js';
import { CohortProgressController } from './progress/cohort-progress.controller.js';
import { CohortProgressService } from './progress/cohort-progress.service.js';
import { CohortRemindersService } from './progress/cohort-reminders.service.js';

/**
 * Cohorts of an institution, their members and invitees (the root), spreadsheet imports
 * (`imports/`) and the progress dashboard with reminders (`progress/`). Other modules are reached
 * through their exported services and hooks, never their tables.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Cohort,
      CohortCourse,
      CohortFacilitator,
      CohortDeadline,
      CohortMember,
      CohortInvitee,
    ]),
    AccountsModule,
    InstitutionsModule,
    InvitationsModule,
    LearningModule,
    ProfileModule,
    UsersModule,
    QuizAttemptsModule,
    ScormRuntimeModule,
    CertificatesModule,
  ],
  controllers: [
    CohortsController,
    CohortMembersController,
    CohortProgressController,
    EnrolmentImportsController,
  ],
  providers: [
    CohortsService,
    EnrolmentImportsService,
    EnrolmentImportJobs,
    EnrolmentImportWorker,
    ImportRowsForgettingHook,
    CohortViews,
    CohortEnrolmentService,
    CohortMembersService,
    CohortInvitationHook,
    CohortLeavingHook,
    CohortProgressService,
    CohortRemindersService,
  ],
  exports: [CohortsService, CohortEnrolmentService],
})
export class CohortsModule {}

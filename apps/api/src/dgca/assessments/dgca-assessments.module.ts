import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstitutionsModule } from '../../institutions/institutions.module.js';
import { InvitationsModule } from '../../invitations/invitations.module.js';
import { ProfileModule } from '../../profile/profile.module.js';
import { DgcaFrameworksModule } from '../frameworks/dgca-frameworks.module.js';
import { AssessmentAccess } from './assessment-access.service.js';
import { AssessmentInvitationHook } from './assessment-invitation.hook.js';
import { Assessment } from './assessment.entity.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';
import { MyAssessmentsController } from './my-assessments.controller.js';
import { MyAssessmentsService } from './my-assessments.service.js';
import { ParticipantForgettingHook } from './participant-forgetting.hook.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';
import { RoundOpenedMail } from './round-opened-mail.js';

/**
 * Assessments, their participants (and invitees), and the individual round's ratings. Exports
 * AssessmentAccess, through which the consensus, results and action-plan parts check who may
 * reach an assessment.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Assessment]),
    InstitutionsModule,
    InvitationsModule,
    ProfileModule,
    DgcaFrameworksModule,
  ],
  controllers: [AssessmentsController, ParticipantsController, MyAssessmentsController],
  providers: [
    AssessmentAccess,
    AssessmentsService,
    ParticipantsService,
    MyAssessmentsService,
    RoundOpenedMail,
    AssessmentInvitationHook,
    ParticipantForgettingHook,
  ],
  exports: [AssessmentAccess, TypeOrmModule],
})
export class DgcaAssessmentsModule {}

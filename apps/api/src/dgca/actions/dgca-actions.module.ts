import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DgcaAssessmentsModule } from '../assessments/dgca-assessments.module.js';
import { DgcaFrameworksModule } from '../frameworks/dgca-frameworks.module.js';
import { ActionPlanExports } from './action-plan-exports.service.js';
import { PlanAction, PlanActionUpdate } from './action.entity.js';
import { ActionsController } from './actions.controller.js';
import { ActionsService } from './actions.service.js';
import { MyActionsController } from './my-actions.controller.js';

/**
 * The action plan drawn from an assessment's gaps: actions with priority, dates and indicators,
 * progress reports, and the plan as CSV and PDF. Access goes through the assessments part's
 * `AssessmentAccess`, dimension names through the frameworks part's `FrameworkContentService`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanAction, PlanActionUpdate]),
    DgcaAssessmentsModule,
    DgcaFrameworksModule,
  ],
  controllers: [ActionsController, MyActionsController],
  providers: [ActionsService, ActionPlanExports],
})
export class DgcaActionsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { AccessRequest } from './access-request.entity.js';
import { ActivityCompletion } from './activity-completion.service.js';
import { ActivityProgress } from './activity-progress.entity.js';
import { CohortEnrolmentsService } from './cohort-enrolments.service.js';
import { CompletionService } from './completion.service.js';
import { CourseLearnersController } from './course-learners.controller.js';
import { CourseLearnersService } from './course-learners.service.js';
import { EnrolmentController } from './enrolment.controller.js';
import { Enrolment } from './enrolment.entity.js';
import { EnrolmentService } from './enrolment.service.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';
import { ProgressSummaries } from './progress-summaries.service.js';
import { ReflectionAnswer } from './reflection-answer.entity.js';

/**
 * Learning: enrolment, progress, reflections and completion. Reads published versions through the
 * courses module's PublishedVersionsService and `course_version_outline` view, never its tables.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Enrolment, ActivityProgress, ReflectionAnswer, AccessRequest]),
    ActivitiesModule,
    CoursesModule,
  ],
  controllers: [EnrolmentController, LearningController, CourseLearnersController],
  providers: [
    EnrolmentService,
    LearningService,
    CourseLearnersService,
    CompletionService,
    ActivityCompletion,
    ProgressSummaries,
    CohortEnrolmentsService,
  ],
  exports: [CompletionService, ActivityCompletion, ProgressSummaries, CohortEnrolmentsService],
})
export class LearningModule {}

import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ActivityKinds } from '../activities/activity-kinds.js';
import { CoursesModule } from '../courses/courses.module.js';
import { LessonContent } from './lesson-content.entity.js';
import { lessonKind } from './lesson.kind.js';
import { LessonsController } from './lessons.controller.js';
import { LessonsService } from './lessons.service.js';

/** The lesson activity kind: registers itself with the activity-kind registry and owns lesson_content and its editing routes. */
@Module({
  imports: [TypeOrmModule.forFeature([LessonContent]), ActivitiesModule, CoursesModule],
  controllers: [LessonsController],
  providers: [LessonsService],
  exports: [LessonsService],
})
export class LessonsModule implements OnModuleInit {
  constructor(private readonly kinds: ActivityKinds) {}

  onModuleInit(): void {
    this.kinds.register(lessonKind);
  }
}

import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ActivityKinds } from '../activities/activity-kinds.js';
import { LessonContent } from './lesson-content.entity.js';
import { lessonKind } from './lesson.kind.js';

/** The lesson activity kind: registers itself with the activity-kind registry and owns lesson_content. */
@Module({
  imports: [TypeOrmModule.forFeature([LessonContent]), ActivitiesModule],
})
export class LessonsModule implements OnModuleInit {
  constructor(private readonly kinds: ActivityKinds) {}

  onModuleInit(): void {
    this.kinds.register(lessonKind);
  }
}

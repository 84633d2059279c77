import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { Activity } from './activity.entity.js';
import { CourseModule } from './course-module.entity.js';
import { Course } from './course.entity.js';
import { CoursesController } from './courses.controller.js';
import { CoursesService } from './courses.service.js';
import { OutlineController } from './outline.controller.js';
import { OutlineService } from './outline.service.js';

/**
 * Course authoring: metadata and the outline (modules and activities). What an activity contains
 * belongs to its kind's module, found through the activity-kind registry.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseModule, Activity]), ActivitiesModule],
  controllers: [CoursesController, OutlineController],
  providers: [CoursesService, OutlineService],
  exports: [CoursesService],
})
export class CoursesModule {}

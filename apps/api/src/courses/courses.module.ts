import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { FilesModule } from '../files/files.module.js';
import { Activity } from './activity.entity.js';
import { CatalogueController } from './catalogue.controller.js';
import { CatalogueService } from './catalogue.service.js';
import { CourseVersion } from './course-version.entity.js';
import { CourseModule } from './course-module.entity.js';
import { Course } from './course.entity.js';
import { CoursesController } from './courses.controller.js';
import { CoursesService } from './courses.service.js';
import { OutlineController } from './outline.controller.js';
import { OutlineService } from './outline.service.js';
import { PublishingController } from './publishing.controller.js';
import { PublishedVersionsService } from './published-versions.service.js';
import { PublishingService } from './publishing.service.js';

/**
 * Course authoring: metadata and the outline (modules and activities). What an activity contains
 * belongs to its kind's module, found through the activity-kind registry. Publishing freezes a
 * course into numbered versions; the public catalogue lists the latest version of each.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Course, CourseModule, Activity, CourseVersion]),
    ActivitiesModule,
    FilesModule,
  ],
  controllers: [CoursesController, OutlineController, PublishingController, CatalogueController],
  providers: [CoursesService, OutlineService, PublishingService, CatalogueService, PublishedVersionsService],
  exports: [CoursesService, OutlineService, PublishedVersionsService, PublishingService],
})
export class CoursesModule {}

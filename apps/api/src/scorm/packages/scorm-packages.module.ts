import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../../activities/activities.module.js';
import { ActivityKinds } from '../../activities/activity-kinds.js';
import { CoursesModule } from '../../courses/courses.module.js';
import { LearningModule } from '../../learning/learning.module.js';
import { PackageAccess } from './package-access.service.js';
import { PackageFilesController } from './package-files.controller.js';
import { PackageFilesService } from './package-files.service.js';
import { ScormContent } from './scorm-content.entity.js';
import { ScormPackage } from './scorm-package.entity.js';
import { ScormPackagesController } from './scorm-packages.controller.js';
import { ScormPackagesService } from './scorm-packages.service.js';
import { ScormStorage } from './scorm-storage.js';
import { scormKind } from './scorm.kind.js';

/**
 * SCORM packages: upload and import (ADR 0015), storage, the scorm activity kind and serving the
 * package files to those who may play them (ADR 0016).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ScormPackage, ScormContent]),
    ActivitiesModule,
    CoursesModule,
    LearningModule,
  ],
  controllers: [ScormPackagesController, PackageFilesController],
  providers: [ScormStorage, ScormPackagesService, PackageAccess, PackageFilesService],
  exports: [ScormStorage, PackageAccess, ScormPackagesService],
})
export class ScormPackagesModule implements OnModuleInit {
  constructor(private readonly kinds: ActivityKinds) {}

  onModuleInit(): void {
    this.kinds.register(scormKind);
  }
}

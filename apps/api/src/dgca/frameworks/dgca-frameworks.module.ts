import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DefaultFrameworkInstaller } from './default-framework.installer.js';
import { DgcaDimension, DgcaRecommendation, DgcaStatement } from './framework-content.entities.js';
import { FrameworkContentService } from './framework-content.service.js';
import { FrameworkVersionsController } from './framework-versions.controller.js';
import { FrameworkVersionsService } from './framework-versions.service.js';
import { DgcaFrameworkVersion } from './framework-version.entity.js';
import { DgcaFramework } from './framework.entity.js';
import { FrameworksController } from './frameworks.controller.js';
import { FrameworksService } from './frameworks.service.js';

/**
 * Versioned DGCA frameworks: platform admins edit drafts and publish them; publishing freezes a
 * version because assessments point at it. Exports FrameworkContentService, through which the
 * other DGCA parts read a version's scale, statements and recommendations.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      DgcaFramework,
      DgcaFrameworkVersion,
      DgcaDimension,
      DgcaStatement,
      DgcaRecommendation,
    ]),
  ],
  controllers: [FrameworksController, FrameworkVersionsController],
  providers: [
    FrameworkContentService,
    DefaultFrameworkInstaller,
    FrameworksService,
    FrameworkVersionsService,
  ],
  exports: [FrameworkContentService],
})
export class DgcaFrameworksModule {}

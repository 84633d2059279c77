import { Module } from '@nestjs/common';
import { CoursesModule } from '../../courses/courses.module.js';
import { LearningModule } from '../../learning/learning.module.js';
import { FrozenScorms } from './frozen-scorms.service.js';
import { ScormCommitsController } from './scorm-commits.controller.js';
import { ScormCommits } from './scorm-commits.service.js';
import { ScormLauncher } from './scorm-launcher.service.js';
import { ScormPlayerController } from './scorm-player.controller.js';
import { ScormPlayer } from './scorm-player.service.js';
import { ScormProgress } from './scorm-progress.service.js';
import { ScormReportsController } from './scorm-reports.controller.js';
import { ScormReports } from './scorm-reports.service.js';
import { ScormStatusSummaries } from './scorm-status-summaries.service.js';

/**
 * Playing SCORM packages (ADR 0016): launching SCOs through sequencing, the commit endpoint the
 * runtime API posts to, resume, completion into course progress, and trainers' views of attempts.
 */
@Module({
  imports: [CoursesModule, LearningModule],
  controllers: [ScormPlayerController, ScormCommitsController, ScormReportsController],
  providers: [
    FrozenScorms,
    ScormProgress,
    ScormCommits,
    ScormLauncher,
    ScormPlayer,
    ScormReports,
    ScormStatusSummaries,
  ],
  exports: [ScormStatusSummaries],
})
export class ScormRuntimeModule {}

import { Module } from '@nestjs/common';
import { DgcaAssessmentsModule } from '../assessments/dgca-assessments.module.js';
import { DgcaFrameworksModule } from '../frameworks/dgca-frameworks.module.js';
import { ConsensusController } from './consensus.controller.js';
import { ConsensusService } from './consensus.service.js';
import { MyResultsController } from './my-results.controller.js';
import { RegionalService } from './regional.service.js';
import { ResultsController } from './results.controller.js';
import { ResultsExports } from './results-exports.service.js';
import { ResultsService } from './results.service.js';

/**
 * The consensus round, the capability profile (JSON, CSV, PDF) and the anonymous regional
 * profile. Reads ratings only as group figures (see `anonymity.ts`); access goes through the
 * assessments part's `AssessmentAccess`, framework content through `FrameworkContentService`.
 */
@Module({
  imports: [DgcaAssessmentsModule, DgcaFrameworksModule],
  controllers: [ConsensusController, ResultsController, MyResultsController],
  providers: [ConsensusService, ResultsService, ResultsExports, RegionalService],
})
export class DgcaResultsModule {}

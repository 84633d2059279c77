import { Module } from '@nestjs/common';
import { DgcaActionsModule } from './actions/dgca-actions.module.js';
import { DgcaAssessmentsModule } from './assessments/dgca-assessments.module.js';
import { DgcaFrameworksModule } from './frameworks/dgca-frameworks.module.js';
import { DgcaResultsModule } from './results/dgca-results.module.js';

/**
 * The Digital Government Capability Assessment: frameworks (`frameworks/`), assessments with their
 * participants and individual ratings (`assessments/`), the consensus round and results
 * (`results/`), and the action plan (`actions/`). One domain: its parts share the `dgca_` tables;
 * other modules are reached through their exported services.
 */
@Module({
  imports: [DgcaFrameworksModule, DgcaAssessmentsModule, DgcaResultsModule, DgcaActionsModule],
})
export class DgcaModule {}

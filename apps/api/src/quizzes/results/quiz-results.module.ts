import { Module } from '@nestjs/common';

/** Trainers' side of submitted attempts: review, manual grading, regrading, item analysis, CSV export. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class QuizResultsModule {}

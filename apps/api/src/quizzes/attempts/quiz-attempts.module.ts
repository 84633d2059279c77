import { Module } from '@nestjs/common';

/** The quiz activity kind and learners' attempts: starting, answering, submitting, grading. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class QuizAttemptsModule {}

import { Module } from '@nestjs/common';
import { CoursesModule } from '../../courses/courses.module.js';
import { QuizAttemptsModule } from '../attempts/quiz-attempts.module.js';
import { QuestionBankModule } from '../bank/question-bank.module.js';
import { QuizResultsController } from './quiz-results.controller.js';
import { QuizResultsService } from './quiz-results.service.js';

/**
 * Trainers' side of submitted attempts: review, manual grading, regrading, item analysis, CSV
 * export. Reads the attempts module's read model; writes (marks, regrades) go through its
 * QuizGradingService.
 */
@Module({
  imports: [CoursesModule, QuizAttemptsModule, QuestionBankModule],
  controllers: [QuizResultsController],
  providers: [QuizResultsService],
})
export class QuizResultsModule {}

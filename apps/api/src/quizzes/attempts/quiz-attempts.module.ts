import { Module, type OnModuleInit } from '@nestjs/common';
import { ActivitiesModule } from '../../activities/activities.module.js';
import { ActivityKinds } from '../../activities/activity-kinds.js';
import { CoursesModule } from '../../courses/courses.module.js';
import { LearningModule } from '../../learning/learning.module.js';
import { QuestionBankModule } from '../bank/question-bank.module.js';
import { QuestionCopies } from '../bank/question-copies.service.js';
import { QuestionVersions } from '../bank/question-versions.service.js';
import { AttemptGrading } from './attempt-grading.service.js';
import { AttemptLayouts } from './attempt-layouts.service.js';
import { AttemptSweeper } from './attempt-sweeper.service.js';
import { FrozenQuizzes } from './frozen-quizzes.service.js';
import { LearnerAttemptsController, LearnerQuizzesController } from './quiz-attempts.controller.js';
import { QuizAttemptsService } from './quiz-attempts.service.js';
import { QuizDraftsController } from './quiz-drafts.controller.js';
import { QuizDraftsService } from './quiz-drafts.service.js';
import { QuizGradingService } from './quiz-grading.service.js';
import { QuizResultSummaries } from './quiz-result-summaries.service.js';
import { quizKind } from './quiz.kind.js';

/**
 * The quiz activity kind and learners' attempts: starting, answering, submitting, grading (ADR
 * 0014). Exports what the results module needs: grading and loading attempts, their questions and
 * frozen quizzes, and forgetting cached layouts after a regrade.
 */
@Module({
  imports: [ActivitiesModule, CoursesModule, LearningModule, QuestionBankModule],
  controllers: [LearnerQuizzesController, LearnerAttemptsController, QuizDraftsController],
  providers: [
    FrozenQuizzes,
    AttemptLayouts,
    AttemptGrading,
    AttemptSweeper,
    QuizAttemptsService,
    QuizDraftsService,
    QuizGradingService,
    QuizResultSummaries,
  ],
  exports: [
    AttemptGrading,
    AttemptLayouts,
    FrozenQuizzes,
    QuizGradingService,
    QuizDraftsService,
    QuizResultSummaries,
  ],
})
export class QuizAttemptsModule implements OnModuleInit {
  constructor(
    private readonly kinds: ActivityKinds,
    private readonly versions: QuestionVersions,
    private readonly copies: QuestionCopies,
  ) {}

  onModuleInit(): void {
    this.kinds.register(quizKind({ versions: this.versions, copies: this.copies }));
  }
}

import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { LessonsModule } from '../lessons/lessons.module.js';
import { QuizAttemptsModule } from '../quizzes/attempts/quiz-attempts.module.js';
import { QuestionBankModule } from '../quizzes/bank/question-bank.module.js';
import { ScormPackagesModule } from '../scorm/packages/scorm-packages.module.js';
import { CourseSeeder } from './course-seeder.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [
    InstitutionsModule,
    AccountsModule,
    CoursesModule,
    LessonsModule,
    QuestionBankModule,
    QuizAttemptsModule,
    ScormPackagesModule,
  ],
  providers: [SeedService, CourseSeeder],
  exports: [SeedService],
})
export class SeedModule {}

import { Module } from '@nestjs/common';
import { CoursesModule } from '../../courses/courses.module.js';

/** A course's question bank: versioned questions in categories, with GIFT import and export. */
@Module({
  imports: [CoursesModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class QuestionBankModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '../../courses/courses.module.js';
import { QuestionBankController } from './question-bank.controller.js';
import { QuestionCopies } from './question-copies.service.js';
import { QuestionBankService } from './question-bank.service.js';
import { QuestionGiftService } from './question-gift.service.js';
import { QuestionVersion } from './question-version.entity.js';
import { QuestionVersions } from './question-versions.service.js';
import { BankQuestion } from './question.entity.js';

/**
 * A course's question bank: versioned questions in categories, with GIFT import and export.
 * Its tables are its own: the quiz modules read them only through `QuestionVersions` (versions,
 * current state, pools) and copy questions into a duplicated course only through
 * `QuestionCopies`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([BankQuestion, QuestionVersion]), CoursesModule],
  controllers: [QuestionBankController],
  providers: [QuestionBankService, QuestionGiftService, QuestionVersions, QuestionCopies],
  exports: [QuestionVersions, QuestionCopies, QuestionGiftService],
})
export class QuestionBankModule {}

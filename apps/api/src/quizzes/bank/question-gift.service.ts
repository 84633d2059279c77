import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { parseGift, writeGift, type GiftQuestion } from '../gift/index.js';
import type { Question } from '../questions/index.js';
import { giftToQuestion, questionToGift, type BankQuestionDraft } from './gift-mapping.js';
import type {
  GiftImportRequest,
  GiftImportResult,
  GiftImportedQuestion,
  GiftProblem,
} from './question-bank.dto.js';
import { QuestionBankService } from './question-bank.service.js';

export const DEFAULT_CATEGORY = 'Default';

interface ReadQuestion extends BankQuestionDraft {
  line: number;
  category: string;
}

const invalidGift = (detail: string, problems: GiftProblem[]) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail,
    errors: problems.slice(0, 100).map((problem) => ({
      field: 'gift',
      message: `line ${problem.line}: ${problem.message}`,
      in: 'body' as const,
    })),
    extensions: { problems },
  });

/** GIFT files in and out of a course's bank. */
@Injectable()
export class QuestionGiftService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bank: QuestionBankService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Reads the file, then stores every readable question in one transaction: all or nothing. A file
   * with problems imports nothing (422 listing them) unless `acceptProblems` says to skip them; a
   * file with no readable question is always a 422. A dry run only reports what it read.
   */
  async import(
    courseId: string,
    input: GiftImportRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<GiftImportResult> {
    const course = input.dryRun
      ? await this.bank.course(courseId, auth)
      : await this.bank.editableCourse(courseId, auth);
    const { questions, problems } = this.read(input.gift, input.category ?? DEFAULT_CATEGORY);
    if (questions.length === 0) {
      throw invalidGift(
        problems.length === 0
          ? 'The file holds no questions.'
          : `No question of the file could be read: ${problems[0]!.message} (line ${problems[0]!.line}).`,
        problems,
      );
    }
    const preview = (ids: (string | null)[]): GiftImportedQuestion[] =>
      questions.map((read, index) => ({
        id: ids[index] ?? null,
        line: read.line,
        name: read.name,
        type: read.question.type,
        category: read.category,
        points: read.question.points,
      }));
    if (input.dryRun) return { imported: 0, questions: preview([]), problems };
    if (problems.length > 0 && !input.acceptProblems) {
      throw invalidGift(
        `${problems.length} question(s) of the file cannot be read, so nothing was imported. Fix them, or import the ${questions.length} readable question(s) with acceptProblems.`,
        problems,
      );
    }
    const ids = questions.map(() => randomUUID());
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO question (id, course_id, category, created_by)
         SELECT id, $2, category, $3 FROM unnest($1::uuid[], $4::text[]) AS r(id, category)`,
        [ids, course.id, auth.userId, questions.map((read) => read.category)],
      );
      await tx.query(
        `INSERT INTO question_version (question_id, version, type, name, body, created_by)
         SELECT id, 1, type, name, body, $5 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
           AS r(id, type, name, body)`,
        [
          ids,
          questions.map((read) => read.question.type),
          questions.map((read) => read.name),
          questions.map((read) => JSON.stringify(read.question)),
          auth.userId,
        ],
      );
      await this.audit.record(
        {
          action: 'questions.imported',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'course', id: course.id },
          institutionId: course.institutionId,
          client,
          details: { imported: ids.length, skipped: problems.length },
        },
        tx,
      );
    });
    return { imported: ids.length, questions: preview(ids), problems };
  }

  /** The bank (or one category of it) as GIFT, at current versions; archived questions stay out. */
  async export(
    courseId: string,
    category: string | undefined,
    auth: AuthContext,
  ): Promise<{ filename: string; gift: string }> {
    const course = await this.bank.course(courseId, auth);
    const rows = (await this.db.query(
      `SELECT q.category, v.name, v.body
         FROM question q JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.course_id = $1 AND q.archived_at IS NULL AND ($2::text IS NULL OR q.category = $2)
        ORDER BY q.category, q.created_at, q.id`,
      [course.id, category ?? null],
    )) as { category: string; name: string; body: Question }[];
    const written: GiftQuestion[] = [];
    const skipped: string[] = [];
    for (const row of rows) {
      const gift = questionToGift({ name: row.name, category: row.category, question: row.body });
      if (gift) written.push(gift);
      else skipped.push(row.name);
    }
    // GIFT has no ordering questions: say which were left out, in a comment the importer skips.
    const note =
      skipped.length === 0
        ? ''
        : `// Not exported, as GIFT has no ordering questions: ${skipped.join('; ').replace(/\n/g, ' ')}\n\n`;
    const suffix = category
      ? `-${category
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase()}`
      : '';
    return { filename: `${course.slug}-questions${suffix}.gift.txt`, gift: note + writeGift(written) };
  }

  /** The file's questions as the bank would store them, and everything that cannot be. */
  private read(
    source: string,
    fallbackCategory: string,
  ): { questions: ReadQuestion[]; problems: GiftProblem[] } {
    const parsed = parseGift(source);
    const problems: GiftProblem[] = [...parsed.problems];
    const questions: ReadQuestion[] = [];
    for (const gift of parsed.questions) {
      const mapped = giftToQuestion(gift);
      if (!mapped.ok) problems.push({ line: gift.line, message: mapped.message });
      else
        questions.push({
          ...mapped.draft,
          category: mapped.draft.category ?? fallbackCategory,
          line: gift.line,
        });
    }
    problems.sort((a, b) => a.line - b.line);
    return { questions, problems };
  }
}

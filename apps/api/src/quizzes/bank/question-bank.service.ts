import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { CourseStatus } from '../../courses/course.entity.js';
import { archivedCourse, CoursesService } from '../../courses/courses.service.js';
import { likePattern } from '../../users/search.js';
import type { Question } from '../questions/index.js';
import { validateQuestion } from '../questions/validate-question.js';
import { questionName } from './gift-mapping.js';
import type {
  CreateQuestionRequest,
  QuestionCategory,
  QuestionDetail,
  QuestionListQuery,
  QuestionPage,
  UpdateQuestionRequest,
} from './question-bank.dto.js';
import { SUMMARY_SELECT, summaryRows, toSummary, type SummaryRow } from './question-rows.js';

/** The course a bank belongs to, as its authors may see it. */
export interface BankCourse {
  id: string;
  institutionId: string;
  slug: string;
  archived: boolean;
}

const questionNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no question with id ${id} that you may edit.`,
  });

/** A course's question bank for its authors: listing, writing versions, archiving. */
@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CoursesService,
    private readonly audit: AuditService,
  ) {}

  /** The course if the caller authors it (404 otherwise, as for any course page). */
  async course(courseId: string, auth: AuthContext): Promise<BankCourse> {
    const course = await this.courses.authored(courseId, auth);
    return {
      id: course.id,
      institutionId: course.institutionId,
      slug: course.slug,
      archived: course.status === CourseStatus.Archived,
    };
  }

  /** The course, refusing changes while it is archived, as lessons do. */
  async editableCourse(courseId: string, auth: AuthContext): Promise<BankCourse> {
    const course = await this.course(courseId, auth);
    if (course.archived) throw archivedCourse();
    return course;
  }

  async list(courseId: string, query: QuestionListQuery, auth: AuthContext): Promise<QuestionPage> {
    await this.course(courseId, auth);
    const where = ['q.course_id = $1', 'q.archived_at IS NULL'];
    const parameters: unknown[] = [courseId];
    const add = (condition: (n: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(condition(`$${parameters.length}`));
    };
    if (query.category) add((n) => `q.category = ${n}`, query.category);
    if (query.tag) add((n) => `${n} = ANY(q.tags)`, query.tag);
    if (query.type) add((n) => `v.type = ${n}`, query.type);
    if (query.q) {
      add(
        (n) =>
          `(v.name ILIKE ${n} OR jsonb_path_query_array(v.body->'prompt', '$.**.text')::text ILIKE ${n})`,
        likePattern(query.q),
      );
    }
    const filter = where.join(' AND ');
    const [counted] = (await this.db.query(
      `SELECT count(*)::int AS total FROM question q
         JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
        WHERE ${filter}`,
      parameters,
    )) as { total: number }[];
    const rows = (await this.db.query(
      `${SUMMARY_SELECT} WHERE ${filter}
        ORDER BY q.category, lower(v.name), q.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      parameters,
    )) as SummaryRow[];
    return {
      items: rows.map(toSummary),
      page: query.page,
      pageSize: query.pageSize,
      total: counted?.total ?? 0,
    };
  }

  async categories(courseId: string, auth: AuthContext): Promise<QuestionCategory[]> {
    await this.course(courseId, auth);
    return (await this.db.query(
      `SELECT category AS name, count(*)::int AS count FROM question
        WHERE course_id = $1 AND archived_at IS NULL
        GROUP BY category ORDER BY category`,
      [courseId],
    )) as QuestionCategory[];
  }

  async create(
    courseId: string,
    input: CreateQuestionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<QuestionDetail> {
    // Access first: someone outside the course learns nothing from a validation answer.
    const course = await this.editableCourse(courseId, auth);
    const question = validateQuestion(input.question, 'question');
    return this.db.transaction(async (tx) => {
      const [created] = (await tx.query(
        `INSERT INTO question (course_id, category, tags, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [course.id, input.category, input.tags, auth.userId],
      )) as { id: string }[];
      const id = created!.id;
      await this.insertVersion(tx, id, 1, input.name, question, auth.userId);
      await this.record(tx, 'question.created', id, course, auth, client, { version: 1 });
      return this.detail(id, course, tx);
    });
  }

  async get(questionId: string, auth: AuthContext): Promise<QuestionDetail> {
    const course = await this.courseOfQuestion(questionId, auth, this.db.manager);
    return this.detail(questionId, course, this.db.manager);
  }

  /**
   * Writes the next version if `version` is the current one; otherwise nothing is written and the
   * 409 carries the current question, so the editor can show what changed.
   */
  async update(
    questionId: string,
    input: UpdateQuestionRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<QuestionDetail> {
    return this.db.transaction(async (tx) => {
      const course = await this.courseOfQuestion(questionId, auth, tx);
      if (course.archived) throw archivedCourse();
      const question = validateQuestion(input.question, 'question');
      const [row] = (await tx.query(
        `SELECT current_version AS version, archived_at IS NOT NULL AS archived
           FROM question WHERE id = $1 FOR UPDATE`,
        [questionId],
      )) as { version: number; archived: boolean }[];
      if (row!.archived) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'This question is archived, so it cannot be changed.',
        });
      }
      if (row!.version !== input.version) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `Someone saved this question in the meantime (version ${row!.version}, yours is ${input.version}). Nothing was changed.`,
          errors: [{ field: 'version', message: 'version is not the current one', in: 'body' }],
          extensions: { current: await this.detail(questionId, course, tx) },
        });
      }
      const version = row!.version + 1;
      await this.insertVersion(tx, questionId, version, input.name, question, auth.userId);
      await tx.query(
        `UPDATE question SET current_version = $2, category = $3, tags = $4, updated_at = now() WHERE id = $1`,
        [questionId, version, input.category, input.tags],
      );
      await this.record(tx, 'question.updated', questionId, course, auth, client, { version });
      return this.detail(questionId, course, tx);
    });
  }

  /** Hides the question from the bank; its versions stay, since attempts refer to them. Idempotent. */
  async archive(questionId: string, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const course = await this.courseOfQuestion(questionId, auth, tx);
      if (course.archived) throw archivedCourse();
      const archived = (await tx.query(
        `UPDATE question SET archived_at = now(), updated_at = now()
          WHERE id = $1 AND archived_at IS NULL RETURNING id`,
        [questionId],
      )) as [unknown[], number];
      if (archived[1] > 0) await this.record(tx, 'question.archived', questionId, course, auth, client, {});
    });
  }

  /** Inserts version `version` of a question; the name defaults to the prompt's first words. */
  async insertVersion(
    manager: EntityManager,
    questionId: string,
    version: number,
    name: string | undefined,
    question: Question,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO question_version (question_id, version, type, name, body, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [questionId, version, question.type, name ?? questionName(question), JSON.stringify(question), userId],
    );
  }

  private async courseOfQuestion(
    questionId: string,
    auth: AuthContext,
    manager: EntityManager,
  ): Promise<BankCourse> {
    const [row] = (await manager.query(`SELECT course_id AS "courseId" FROM question WHERE id = $1`, [
      questionId,
    ])) as { courseId: string }[];
    if (!row) throw questionNotFound(questionId);
    try {
      return await this.course(row.courseId, auth);
    } catch (error) {
      // Another institution's question is as absent as one that never existed.
      if (error instanceof ProblemException && error.problem.status === 404)
        throw questionNotFound(questionId);
      throw error;
    }
  }

  private async detail(
    questionId: string,
    course: BankCourse,
    manager: EntityManager,
  ): Promise<QuestionDetail> {
    const [summary] = await summaryRows(manager, [questionId]);
    const [current] = (await manager.query(
      `SELECT body FROM question_version WHERE question_id = $1 AND version = $2`,
      [questionId, summary!.version],
    )) as { body: Record<string, unknown> }[];
    const versions = (await manager.query(
      `SELECT v.version, v.created_at AS "createdAt", u.display_name AS "createdBy"
         FROM question_version v LEFT JOIN user_account u ON u.id = v.created_by
        WHERE v.question_id = $1 ORDER BY v.version DESC`,
      [questionId],
    )) as { version: number; createdAt: Date; createdBy: string | null }[];
    return {
      ...toSummary(summary!),
      courseId: course.id,
      courseArchived: course.archived,
      question: current!.body,
      versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    };
  }

  private record(
    tx: EntityManager,
    action: string,
    questionId: string,
    course: BankCourse,
    auth: AuthContext,
    client: ClientInfo,
    details: Record<string, unknown>,
  ): Promise<void> {
    // The question's text stays out of the audit log: it is content, not an event.
    return this.audit.record(
      {
        action,
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'question', id: questionId },
        institutionId: course.institutionId,
        client,
        details: { courseId: course.id, ...details },
      },
      tx,
    );
  }
}

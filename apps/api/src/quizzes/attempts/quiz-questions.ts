import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { questionRefKey, QuestionVersions } from '../bank/question-versions.service.js';
import type { Question } from '../questions/index.js';

export interface QuestionRef {
  questionId: string;
  version: number;
}

/** A question of a bank as a quiz sees it: where it stands now, without its body. */
export interface BankQuestion {
  questionId: string;
  courseId: string;
  category: string;
  version: number;
  archived: boolean;
  type: Question['type'];
  name: string;
  points: number;
  /** Essays that no trainer grades count toward no points. */
  gradable: boolean;
}

const BANK_COLUMNS = `
  q.id AS "questionId", q.course_id AS "courseId", q.category, q.current_version AS version,
  q.archived_at IS NOT NULL AS archived, v.type, v.name, (v.body ->> 'points')::float8 AS points,
  NOT (v.type = 'essay' AND (v.body ->> 'graded')::boolean IS NOT TRUE) AS gradable`;

/**
 * What quizzes read of the question bank: question versions by reference (through the bank's
 * QuestionVersions, which keeps them in memory), and, for every quiz of a course at once (one
 * query, not one per quiz or category), the bank's current state of some questions and the pools
 * random draws pick from. The quiz code touches the bank only through this seam.
 */
@Injectable()
export class QuizQuestions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bank: QuestionVersions,
  ) {}

  /** The bodies of these versions, keyed `questionId:version`; from the bank's cache when read before. */
  async versions(refs: readonly QuestionRef[], manager?: EntityManager): Promise<Map<string, Question>> {
    const loaded = await this.bank.load([...refs], manager);
    return new Map([...loaded].map(([key, row]) => [key, row.body]));
  }

  async version(ref: QuestionRef, manager?: EntityManager): Promise<Question> {
    const question = (await this.bank.load([ref], manager)).get(questionRefKey(ref))?.body;
    // Attempt slots reference versions by foreign key, and versions are never deleted on their own.
    if (!question) throw new Error(`question ${ref.questionId} has no version ${ref.version}`);
    return question;
  }

  /** These questions as the bank holds them now, whatever their course. */
  async current(questionIds: readonly string[], manager?: EntityManager): Promise<Map<string, BankQuestion>> {
    if (questionIds.length === 0) return new Map();
    const rows = (await (manager ?? this.db.manager).query(
      `SELECT ${BANK_COLUMNS}
         FROM question q JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.id = ANY($1::uuid[])`,
      [[...new Set(questionIds)]],
    )) as BankQuestion[];
    return new Map(rows.map((row) => [row.questionId, row]));
  }

  /** The questions (not archived) of these categories of these courses' banks. */
  async pools(
    wanted: readonly { courseId: string; category: string }[],
    manager?: EntityManager,
  ): Promise<BankQuestion[]> {
    if (wanted.length === 0) return [];
    return (await (manager ?? this.db.manager).query(
      `SELECT ${BANK_COLUMNS}
         FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::text[]) AS w(course_id, category)) w
         JOIN question q ON q.course_id = w.course_id AND q.category = w.category AND q.archived_at IS NULL
         JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
        ORDER BY q.created_at, q.id`,
      [wanted.map((w) => w.courseId), wanted.map((w) => w.category)],
    )) as BankQuestion[];
  }

  /**
   * Copies these questions' current versions into another course's bank (a duplicated course's
   * quizzes must draw from their own course); answers the new id of each question.
   */
  async copyTo(
    tx: EntityManager,
    copies: readonly { questionId: string; courseId: string }[],
  ): Promise<Map<string, string>> {
    if (copies.length === 0) return new Map();
    const rows = (await tx.query(
      `WITH source AS (
         SELECT DISTINCT ON (c.question_id, c.course_id) c.question_id, c.course_id, gen_random_uuid() AS new_id
           FROM unnest($1::uuid[], $2::uuid[]) AS c(question_id, course_id)
       ), made AS (
         INSERT INTO question (id, course_id, category, tags, current_version, created_by)
         SELECT s.new_id, s.course_id, q.category, q.tags, 1, q.created_by
           FROM source s JOIN question q ON q.id = s.question_id
         RETURNING id
       ), versions AS (
         INSERT INTO question_version (question_id, version, type, name, body, created_by)
         SELECT s.new_id, 1, v.type, v.name, v.body, v.created_by
           FROM source s JOIN question q ON q.id = s.question_id
           JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
          WHERE s.new_id IN (SELECT id FROM made)
         RETURNING question_id
       )
       SELECT s.question_id AS "from", s.course_id AS "courseId", s.new_id AS "to" FROM source s`,
      [copies.map((c) => c.questionId), copies.map((c) => c.courseId)],
    )) as { from: string; courseId: string; to: string }[];
    return new Map(rows.map((row) => [`${row.from}:${row.courseId}`, row.to]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Question, QuestionType } from '../questions/index.js';
import type { QuestionSummary } from './question-bank.dto.js';
import { summaryRows, toSummary } from './question-rows.js';

export interface QuestionRef {
  questionId: string;
  version: number;
}

/** One stored version: its body holds the answer key, so it stays on the server. */
export interface LoadedQuestion {
  questionId: string;
  version: number;
  type: QuestionType;
  name: string;
  body: Question;
}

export interface CurrentQuestion {
  version: number;
  archived: boolean;
}

/** A summary for the quiz builder, with the course the question belongs to. */
export type BankQuestionSummary = QuestionSummary & { courseId: string };

/** The key of `load`'s map. */
export const questionRefKey = (ref: QuestionRef) => `${ref.questionId}:${ref.version}`;

/** Enough for every question of many busy quizzes; each entry is one question body. */
const CACHE_LIMIT = 5000;

/**
 * What the quiz modules read from the bank. Versions never change once written, so `load` keeps
 * them in memory (oldest forgotten first past the limit) and a hot attempt never reads them twice.
 */
@Injectable()
export class QuestionVersions {
  private readonly cache = new Map<string, LoadedQuestion>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The versions asked for, by `questionRefKey`; unknown references are simply absent. */
  async load(refs: QuestionRef[], manager?: EntityManager): Promise<Map<string, LoadedQuestion>> {
    const found = new Map<string, LoadedQuestion>();
    const missing = new Map<string, QuestionRef>();
    for (const ref of refs) {
      const key = questionRefKey(ref);
      const cached = this.cache.get(key);
      if (cached) found.set(key, cached);
      else missing.set(key, ref);
    }
    if (missing.size === 0) return found;
    const rows = (await (manager ?? this.db.manager).query(
      `SELECT v.question_id AS "questionId", v.version, v.type, v.name, v.body
         FROM question_version v
         JOIN unnest($1::uuid[], $2::int[]) AS r(question_id, version)
           ON r.question_id = v.question_id AND r.version = v.version`,
      [[...missing.values()].map((ref) => ref.questionId), [...missing.values()].map((ref) => ref.version)],
    )) as LoadedQuestion[];
    for (const row of rows) {
      const key = questionRefKey(row);
      found.set(key, row);
      this.remember(key, row);
    }
    return found;
  }

  /**
   * The current version of each of `questionIds` that belongs to the course, archived or not:
   * publishing fixes fixed slots at these versions and refuses archived ones. Questions of another
   * course (or none) are absent.
   */
  async currentVersionsIn(
    courseId: string,
    questionIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, CurrentQuestion>> {
    if (questionIds.length === 0) return new Map();
    const rows = (await (manager ?? this.db.manager).query(
      `SELECT id, current_version AS version, archived_at IS NOT NULL AS archived
         FROM question WHERE course_id = $1 AND id = ANY($2::uuid[])`,
      [courseId, questionIds],
    )) as { id: string; version: number; archived: boolean }[];
    return new Map(rows.map((row) => [row.id, { version: row.version, archived: row.archived }]));
  }

  /** The questions a random slot draws from: the category's non-archived questions at their current versions. */
  async poolOf(courseId: string, category: string, manager?: EntityManager): Promise<QuestionRef[]> {
    return (await (manager ?? this.db.manager).query(
      `SELECT id AS "questionId", current_version AS version
         FROM question
        WHERE course_id = $1 AND category = $2 AND archived_at IS NULL
        ORDER BY created_at, id`,
      [courseId, category],
    )) as QuestionRef[];
  }

  /** Summaries at the current versions (archived ones included, marked), for the quiz builder. */
  async summaries(questionIds: string[], manager?: EntityManager): Promise<Map<string, BankQuestionSummary>> {
    const rows = await summaryRows(manager ?? this.db.manager, questionIds);
    return new Map(rows.map((row) => [row.id, { ...toSummary(row), courseId: row.courseId }]));
  }

  private remember(key: string, question: LoadedQuestion): void {
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, question);
  }
}

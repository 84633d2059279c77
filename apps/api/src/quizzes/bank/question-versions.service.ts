import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Question, QuestionType } from '../questions/index.js';

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

/** A question as the bank holds it now (its current version), without its body. */
export interface CurrentQuestion {
  questionId: string;
  courseId: string;
  category: string;
  version: number;
  archived: boolean;
  type: QuestionType;
  name: string;
  points: number;
  /** Essays that no trainer grades count toward no points. */
  gradable: boolean;
}

/** The key of `load`'s map. */
export const questionRefKey = (ref: QuestionRef) => `${ref.questionId}:${ref.version}`;

/** Enough for every question of many busy quizzes; each entry is one question body. */
const CACHE_LIMIT = 5000;

const CURRENT_COLUMNS = `
  q.id AS "questionId", q.course_id AS "courseId", q.category, q.current_version AS version,
  q.archived_at IS NOT NULL AS archived, v.type, v.name, (v.body ->> 'points')::float8 AS points,
  NOT (v.type = 'essay' AND (v.body ->> 'graded')::boolean IS NOT TRUE) AS gradable`;

/**
 * What the quiz modules read from the bank (they never query its tables themselves). Versions never
 * change once written, so `load` keeps them in memory (oldest forgotten first past the limit) and a
 * hot attempt never reads them twice; the bank's current state (`current`, `pools`) is read fresh.
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

  /** The bodies of these versions, keyed `questionRefKey`; unknown references are absent. */
  async bodies(refs: readonly QuestionRef[], manager?: EntityManager): Promise<Map<string, Question>> {
    const loaded = await this.load([...refs], manager);
    return new Map([...loaded].map(([key, row]) => [key, row.body]));
  }

  /** One version's body, for a reference known to exist (attempt slots and quizzes hold foreign keys or frozen refs). */
  async body(ref: QuestionRef, manager?: EntityManager): Promise<Question> {
    const question = (await this.load([ref], manager)).get(questionRefKey(ref))?.body;
    // Versions are never deleted on their own, so a missing one is a bug, not bad input.
    if (!question) throw new Error(`question ${ref.questionId} has no version ${ref.version}`);
    return question;
  }

  /**
   * These questions as the bank holds them now, whatever their course (the caller compares
   * `courseId`: publishing and the quiz draft refuse questions of another course, and archived ones).
   * One query however many questions, so all of a course's quizzes are checked at once.
   */
  async current(
    questionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, CurrentQuestion>> {
    if (questionIds.length === 0) return new Map();
    const rows = (await (manager ?? this.db.manager).query(
      `SELECT ${CURRENT_COLUMNS}
         FROM question q JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.id = ANY($1::uuid[])`,
      [[...new Set(questionIds)]],
    )) as CurrentQuestion[];
    return new Map(rows.map((row) => [row.questionId, row]));
  }

  /**
   * What random draws pick from: the non-archived questions of these categories (exact names) of
   * these courses' banks, at their current versions, oldest first. One query for every draw of
   * every quiz of a course.
   */
  async pools(
    wanted: readonly { courseId: string; category: string }[],
    manager?: EntityManager,
  ): Promise<CurrentQuestion[]> {
    if (wanted.length === 0) return [];
    return (await (manager ?? this.db.manager).query(
      `SELECT ${CURRENT_COLUMNS}
         FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::text[]) AS w(course_id, category)) w
         JOIN question q ON q.course_id = w.course_id AND q.category = w.category AND q.archived_at IS NULL
         JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
        ORDER BY q.created_at, q.id`,
      [wanted.map((w) => w.courseId), wanted.map((w) => w.category)],
    )) as CurrentQuestion[];
  }

  private remember(key: string, question: LoadedQuestion): void {
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, question);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A question to copy, and the course whose bank receives the copy. */
export interface QuestionCopy {
  questionId: string;
  courseId: string;
}

/** The key of `copy`'s answer: a question and the course it was copied into. */
export const questionCopyKey = (copy: QuestionCopy) => `${copy.questionId}:${copy.courseId}`;

/**
 * Copies questions into another course's bank. The only writer of the bank's tables outside its own
 * routes: a duplicated course's quizzes must draw from their own course's bank, and the quiz kind's
 * duplicate decides which questions they use (the bank itself copies nothing when a course is
 * duplicated, so each question is copied once).
 */
@Injectable()
export class QuestionCopies {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Copies each question's current version as version 1 of a new question (same category, tags and
   * author) in the given course, once per (question, course) however often it is asked; one
   * statement for all of them, in the caller's transaction when given. Answers the new id by
   * `questionCopyKey`. Questions that do not exist are skipped (and absent from the answer).
   */
  async copy(copies: readonly QuestionCopy[], manager?: EntityManager): Promise<Map<string, string>> {
    if (copies.length === 0) return new Map();
    const rows = (await (manager ?? this.db.manager).query(
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
       SELECT s.question_id AS "questionId", s.course_id AS "courseId", s.new_id AS "to"
         FROM source s WHERE s.new_id IN (SELECT id FROM made)`,
      [copies.map((c) => c.questionId), copies.map((c) => c.courseId)],
    )) as (QuestionCopy & { to: string })[];
    return new Map(rows.map((row) => [questionCopyKey(row), row.to]));
  }
}

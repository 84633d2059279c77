import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each answer a learner saves rewrites a quiz_attempt_slot row, and the submission rewrites them all
 * once more. Leaving room on each page lets those rewrites stay on the page (HOT updates), without
 * new index entries: cheaper saves and submissions, less bloat. Applies to pages written from now on.
 */
export class QuizSlotRoomForAnswers1764510000000 implements MigrationInterface {
  name = 'QuizSlotRoomForAnswers1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE quiz_attempt_slot SET (fillfactor = 70)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE quiz_attempt_slot RESET (fillfactor)`);
  }
}

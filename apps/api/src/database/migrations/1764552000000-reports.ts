import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Disaggregated reports (issue 8): what they are computed from. */
export class Reports1764552000000 implements MigrationInterface {
  name = 'Reports1764552000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}

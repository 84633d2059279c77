import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk enrolment from a spreadsheet (issue 8): the uploaded files and their validated rows. */
export class EnrolmentImports1764551000000 implements MigrationInterface {
  name = 'EnrolmentImports1764551000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate batches for one cohort (issue 8 after issue 7): `cohort_id` names the cohort whose
 * members the batch goes through, null for every enrolled learner. `cohort_name` keeps the name the
 * cohort had when the batch was requested, so the batch history still reads as it was asked for
 * after a rename. (Certificates already keep their own `cohort_name`, copied in at issue.)
 */
export class CertificateCohort1764553000000 implements MigrationInterface {
  name = 'CertificateCohort1764553000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE certificate_batch
        ADD COLUMN cohort_id uuid REFERENCES cohort (id),
        ADD COLUMN cohort_name text CHECK (length(cohort_name) BETWEEN 1 AND 200),
        ADD CONSTRAINT certificate_batch_cohort_named CHECK ((cohort_id IS NULL) = (cohort_name IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE certificate_batch
        DROP CONSTRAINT certificate_batch_cohort_named,
        DROP COLUMN cohort_name,
        DROP COLUMN cohort_id`);
  }
}

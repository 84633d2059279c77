import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts module's published read model of "who is this person": profile and memberships
 * with institution names in one row. Authentication reads it once per request instead of three
 * queries through three modules; the modules keep their tables to themselves.
 */
export class AccountPrincipalView1764431000000 implements MigrationInterface {
  name = 'AccountPrincipalView1764431000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW account_principal AS
      SELECT u.id AS user_id, u.email, u.email_verified_at, u.display_name, u.preferred_language,
             u.is_platform_admin, u.country, u.department, u.job_title, u.status,
             COALESCE((SELECT json_agg(json_build_object('institutionId', m.institution_id,
                                                         'institutionName', i.name,
                                                         'role', m.role) ORDER BY m.created_at)
                         FROM membership m JOIN institution i ON i.id = m.institution_id
                        WHERE m.user_id = u.id), '[]'::json) AS memberships
        FROM user_account u`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW account_principal`);
  }
}

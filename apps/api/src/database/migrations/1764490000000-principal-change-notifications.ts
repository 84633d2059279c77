import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process keeps the callers it has resolved in memory (auth/principal-cache.ts). These
 * triggers tell every process, through LISTEN/NOTIFY on commit, whose sign-in may have changed:
 * whatever made the change (any module, another process, psql), no cached caller outlives it.
 * The payload is the user's id, or '*' when an institution's name changed (it is in every member's
 * memberships). Touching last_seen_at, last_used_at or extending a session is not a change.
 */
export class PrincipalChangeNotifications1764490000000 implements MigrationInterface {
  name = 'PrincipalChangeNotifications1764490000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION announce_principal_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_ARGV[0] = '*' THEN
          PERFORM pg_notify('principal_changed', '*');
        ELSE
          IF TG_OP <> 'INSERT' THEN
            PERFORM pg_notify('principal_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
          END IF;
          IF TG_OP <> 'DELETE' THEN
            PERFORM pg_notify('principal_changed', to_jsonb(NEW) ->> TG_ARGV[0]);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER user_account_principal_change AFTER UPDATE OR DELETE ON user_account
        FOR EACH ROW EXECUTE FUNCTION announce_principal_change('id')`);
    await db.query(`
      CREATE TRIGGER membership_principal_change AFTER INSERT OR UPDATE OR DELETE ON membership
        FOR EACH ROW EXECUTE FUNCTION announce_principal_change('user_id')`);
    await db.query(`
      CREATE TRIGGER institution_principal_change AFTER UPDATE OF name ON institution
        FOR EACH STATEMENT EXECUTE FUNCTION announce_principal_change('*')`);
    for (const table of ['session', 'api_token']) {
      await db.query(`
        CREATE TRIGGER ${table}_principal_change AFTER UPDATE ON ${table} FOR EACH ROW
          WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR NEW.expires_at < OLD.expires_at
                OR OLD.user_id <> NEW.user_id OR OLD.token_hash <> NEW.token_hash)
          EXECUTE FUNCTION announce_principal_change('user_id')`);
      await db.query(`
        CREATE TRIGGER ${table}_principal_removal AFTER DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION announce_principal_change('user_id')`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['session', 'api_token']) {
      await db.query(`DROP TRIGGER ${table}_principal_removal ON ${table}`);
      await db.query(`DROP TRIGGER ${table}_principal_change ON ${table}`);
    }
    await db.query(`DROP TRIGGER institution_principal_change ON institution`);
    await db.query(`DROP TRIGGER membership_principal_change ON membership`);
    await db.query(`DROP TRIGGER user_account_principal_change ON user_account`);
    await db.query(`DROP FUNCTION announce_principal_change()`);
  }
}

import type { EntityManager } from 'typeorm';

/**
 * The reads an import makes of other modules' tables (user_account, invitation) and of the
 * cohort's members and invitees, kept in this one file like cohort-sources.query.ts: the preview
 * sorts up to 100,000 rows by "has an account" and "already in the cohort", which is one join per
 * question here and would be 100,000 look-ups through services. Read-only.
 */
export async function classifyRows(db: EntityManager, importId: string, cohortId: string): Promise<void> {
  // Members, and invitees whose invitation can still be accepted (a revoked or expired one is
  // invited again by confirming).
  await db.query(
    `UPDATE enrolment_import_row r SET outcome = 'already_enrolled'
      WHERE r.import_id = $1 AND r.outcome <> 'invalid'
        AND lower(r.email) IN (
          SELECT lower(u.email) FROM cohort_member m JOIN user_account u ON u.id = m.user_id WHERE m.cohort_id = $2
          UNION
          SELECT lower(v.email) FROM cohort_invitee ci JOIN invitation v ON v.id = ci.invitation_id
           WHERE ci.cohort_id = $2 AND v.accepted_at IS NULL AND v.revoked_at IS NULL AND v.expires_at > now())`,
    [importId, cohortId],
  );
  await db.query(
    `UPDATE enrolment_import_row r SET outcome = 'existing_account'
       FROM user_account u
      WHERE r.import_id = $1 AND r.outcome = 'new_account' AND lower(u.email) = lower(r.email) AND u.status <> 'deleted'`,
    [importId],
  );
}

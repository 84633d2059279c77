import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionRole, Membership } from '../accounts/membership.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { assertRoleIn } from './admin-scope.js';
import type { MemberListQuery, MemberPage, MemberView } from './members.dto.js';
import { likePattern } from './search.js';
import { MembershipRemovalHooks } from './membership-removal-hooks.js';

interface MemberRow {
  id: string;
  display_name: string;
  email: string;
  role: InstitutionRole;
  status: MemberView['status'];
  joined_at: Date;
}

const toView = (row: MemberRow): MemberView => ({
  id: row.id,
  displayName: row.display_name,
  email: row.email,
  role: row.role,
  status: row.status,
  joinedAt: new Date(row.joined_at).toISOString(),
});

const MEMBER_COLUMNS = `u.id, u.display_name, u.email, m.role, u.status, m.created_at AS joined_at`;

/** People's roles in institutions, managed by that institution's admins (and platform admins). */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly audit: AuditService,
    private readonly removalHooks: MembershipRemovalHooks,
  ) {}

  async list(institutionId: string, query: MemberListQuery, auth: AuthContext): Promise<MemberPage> {
    await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId, [InstitutionRole.InstitutionAdmin, InstitutionRole.Trainer]);
    const conditions = [`m.institution_id = $1`, `u.status <> 'deleted'`];
    const parameters: unknown[] = [institutionId];
    if (query.query) {
      parameters.push(likePattern(query.query));
      conditions.push(`(u.display_name ILIKE $${parameters.length} OR u.email ILIKE $${parameters.length})`);
    }
    if (query.role) {
      parameters.push(query.role);
      conditions.push(`m.role = $${parameters.length}`);
    }
    const where = conditions.join(' AND ');
    const from = `membership m JOIN user_account u ON u.id = m.user_id`;
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT ${MEMBER_COLUMNS} FROM ${from} WHERE ${where}
          ORDER BY lower(u.display_name), u.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        parameters,
      ) as Promise<MemberRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, parameters) as Promise<
        { total: number }[]
      >,
    ]);
    return { items: rows.map(toView), page: query.page, pageSize: query.pageSize, total: count?.total ?? 0 };
  }

  async changeRole(
    institutionId: string,
    userId: string,
    role: InstitutionRole,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<MemberView> {
    await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId);
    return this.db.transaction(async (tx) => {
      const admins = await this.lockAdminsIfSelf(tx, institutionId, userId, auth);
      const member = await this.lockMember(tx, institutionId, userId);
      if (member.role === role) return toView(member);
      if (member.role === InstitutionRole.InstitutionAdmin) assertNotLastAdmin(admins);
      await tx.getRepository(Membership).update({ userId, institutionId }, { role });
      await this.audit.record(
        {
          action: 'membership.role_changed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'user', id: userId },
          institutionId,
          client,
          details: { from: member.role, to: role },
        },
        tx,
      );
      return toView({ ...member, role });
    });
  }

  async remove(institutionId: string, userId: string, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId);
    await this.db.transaction(async (tx) => {
      const admins = await this.lockAdminsIfSelf(tx, institutionId, userId, auth);
      const member = await this.lockMember(tx, institutionId, userId);
      if (member.role === InstitutionRole.InstitutionAdmin) assertNotLastAdmin(admins);
      await tx.getRepository(Membership).delete({ userId, institutionId });
      await this.removalHooks.removed({ userId, institutionId }, tx);
      await this.audit.record(
        {
          action: 'membership.removed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'user', id: userId },
          institutionId,
          client,
          details: { role: member.role },
        },
        tx,
      );
    });
  }

  /** Adds a membership inside the caller's transaction; already a member is a 409. */
  async add(
    userId: string,
    institutionId: string,
    role: InstitutionRole,
    manager: EntityManager,
  ): Promise<void> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Membership)
      .values({ userId, institutionId, role })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      throw new ProblemException({
        status: 409,
        type: ProblemType.Conflict,
        detail: 'This person is already a member of the institution.',
      });
    }
  }

  /**
   * Makes learners of the institution those of these people who hold no role in it yet (someone
   * enrolled in a cohort); a role they already hold is kept. Returns who was added.
   */
  async addLearnersWhereMissing(
    userIds: readonly string[],
    institutionId: string,
    manager: EntityManager,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = (await manager.query(
      `INSERT INTO membership (user_id, institution_id, role)
       SELECT person.user_id, $2, 'learner' FROM unnest($1::uuid[]) AS person (user_id)
       ON CONFLICT (user_id, institution_id) DO NOTHING
       RETURNING user_id AS "userId"`,
      [userIds, institutionId],
    )) as { userId: string }[];
    return rows.map((row) => row.userId);
  }

  /** Whether an account with this e-mail (any case) belongs to the institution. */
  async isMemberByEmail(email: string, institutionId: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM membership m JOIN user_account u ON u.id = m.user_id
        WHERE lower(u.email) = lower($1) AND m.institution_id = $2`,
      [email, institutionId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async lockMember(tx: EntityManager, institutionId: string, userId: string): Promise<MemberRow> {
    const [row] = (await tx.query(
      `SELECT ${MEMBER_COLUMNS} FROM membership m JOIN user_account u ON u.id = m.user_id
        WHERE m.institution_id = $1 AND m.user_id = $2 FOR UPDATE OF m`,
      [institutionId, userId],
    )) as MemberRow[];
    if (!row) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `User ${userId} is not a member of this institution.`,
      });
    }
    return row;
  }

  /**
   * When people change their own membership, counts the institution's admins and locks their rows
   * (in a fixed order, before anything else) so two admins demoting themselves at once cannot both
   * pass the last-admin check. Infinity when someone else's membership changes: no check applies.
   */
  private async lockAdminsIfSelf(
    tx: EntityManager,
    institutionId: string,
    userId: string,
    auth: AuthContext,
  ): Promise<number> {
    if (userId !== auth.userId) return Number.POSITIVE_INFINITY;
    const admins = (await tx.query(
      `SELECT id FROM membership WHERE institution_id = $1 AND role = 'institution_admin' ORDER BY id FOR UPDATE`,
      [institutionId],
    )) as unknown[];
    return admins.length;
  }
}

/**
 * An institution admin may not demote or remove themselves when nobody else administers the
 * institution: it would be left without anyone to manage it.
 */
function assertNotLastAdmin(adminCount: number): void {
  if (adminCount > 1) return;
  throw new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail:
      'You are the last institution administrator of this institution, so you cannot give up that role. Make someone else an institution administrator first.',
  });
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { InstitutionRole } from '../accounts/membership.entity.js';
import { User, type AccountStatus } from '../accounts/user.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { SessionsService } from '../auth/sessions.service.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { inScope, scopeOf, type Scope } from './admin-scope.js';
import { likePattern } from './search.js';
import type { UserListQuery, UserPage, UserView } from './users.dto.js';

interface MembershipRow {
  user_id: string;
  institution_id: string;
  role: InstitutionRole;
}

const notFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no user with id ${id}.`,
  });

const conflict = (detail: string) =>
  new ProblemException({ status: 409, type: ProblemType.Conflict, detail });

const forbidden = (detail: string) =>
  new ProblemException({ status: 403, type: ProblemType.Forbidden, detail });

/**
 * The administrators' side of accounts: finding people and switching accounts off and on.
 * Institution admins see and act on members of their own institutions only; anyone else is a 404
 * to them, so they cannot learn who has an account.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: UserListQuery, auth: AuthContext): Promise<UserPage> {
    const scope = scopeOf(auth);
    if (query.institutionId && !inScope(scope, query.institutionId))
      throw forbidden('You may only list the people of institutions you administer.');
    const builder = this.db.getRepository(User).createQueryBuilder('u');
    if (query.status) builder.andWhere('u.status = :status', { status: query.status });
    else builder.andWhere(`u.status <> 'deleted'`);
    if (!scope.everywhere) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM membership s WHERE s.user_id = u.id AND s.institution_id = ANY(:scope))',
        { scope: scope.institutionIds },
      );
    }
    if (query.institutionId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM membership i WHERE i.user_id = u.id AND i.institution_id = :institutionId)',
        { institutionId: query.institutionId },
      );
    }
    if (query.query) {
      builder.andWhere('(u.display_name ILIKE :q OR u.email ILIKE :q)', { q: likePattern(query.query) });
    }
    const [users, total] = await builder
      .orderBy('lower(u.display_name)')
      .addOrderBy('u.id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.views(users, scope), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string, auth: AuthContext): Promise<UserView> {
    const scope = scopeOf(auth);
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw notFound(id);
    const [view] = await this.views([user], scope);
    if (!scope.everywhere && view!.memberships.length === 0) throw notFound(id);
    return view!;
  }

  deactivate(id: string, auth: AuthContext, client: ClientInfo): Promise<UserView> {
    return this.setStatus(id, 'deactivated', auth, client);
  }

  reactivate(id: string, auth: AuthContext, client: ClientInfo): Promise<UserView> {
    return this.setStatus(id, 'active', auth, client);
  }

  async setPlatformAdmin(
    id: string,
    isPlatformAdmin: boolean,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<UserView> {
    if (id === auth.userId)
      throw conflict(
        'You cannot change your own platform administrator role; ask another platform administrator.',
      );
    const user = await this.db.transaction(async (tx) => {
      const found = await this.lockUser(tx, id);
      if (found.status === 'deleted') throw conflict('This account has been deleted.');
      if (found.isPlatformAdmin === isPlatformAdmin) return found;
      await tx.getRepository(User).update(id, { isPlatformAdmin });
      await this.audit.record(
        {
          action: 'role.platform_admin_changed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'user', id },
          client,
          details: { from: found.isPlatformAdmin, to: isPlatformAdmin },
        },
        tx,
      );
      return { ...found, isPlatformAdmin };
    });
    const [view] = await this.views([user], { everywhere: true });
    return view!;
  }

  private async setStatus(
    id: string,
    status: 'active' | 'deactivated',
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<UserView> {
    const scope = scopeOf(auth);
    const user = await this.db.transaction(async (tx) => {
      const found = await this.lockUser(tx, id);
      const memberships = await this.membershipRows(tx, [id]);
      if (!scope.everywhere) {
        if (!memberships.some((m) => inScope(scope, m.institution_id))) throw notFound(id);
        if (!memberships.every((m) => inScope(scope, m.institution_id)))
          throw forbidden(
            'This person also belongs to institutions you do not administer; ask a platform administrator.',
          );
        if (found.isPlatformAdmin)
          throw forbidden(
            'Only a platform administrator may change the account of a platform administrator.',
          );
      }
      if (id === auth.userId) throw conflict('You cannot deactivate or reactivate your own account.');
      if (found.status === 'deleted') throw conflict('This account has been deleted.');
      if (found.status === status)
        throw conflict(
          status === 'active' ? 'This account is already active.' : 'This account is already deactivated.',
        );
      await tx.getRepository(User).update(id, { status });
      const details: Record<string, unknown> = {};
      if (status === 'deactivated') {
        // A deactivated person must be out at once, not when their session would have expired.
        details.sessionsEnded = await this.sessions.endAll(id, undefined, tx);
        details.apiTokensRevoked = await this.sessions.revokeApiTokens(id, tx);
      }
      await this.audit.record(
        {
          action: status === 'active' ? 'account.reactivated' : 'account.deactivated',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'user', id },
          client,
          details,
        },
        tx,
      );
      return { ...found, status: status as AccountStatus };
    });
    const [view] = await this.views([user], scope);
    return view!;
  }

  private async lockUser(tx: EntityManager, id: string): Promise<User> {
    const found = await tx
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw notFound(id);
    return found;
  }

  private membershipRows(manager: EntityManager, userIds: string[]): Promise<MembershipRow[]> {
    return manager.query(
      `SELECT user_id, institution_id, role FROM membership WHERE user_id = ANY($1) ORDER BY created_at`,
      [userIds],
    ) as Promise<MembershipRow[]>;
  }

  /** Views with memberships (only those within the caller's scope) and institution names, in two queries. */
  private async views(users: User[], scope: Scope): Promise<UserView[]> {
    if (users.length === 0) return [];
    const rows = (
      await this.membershipRows(
        this.db.manager,
        users.map((u) => u.id),
      )
    ).filter((m) => inScope(scope, m.institution_id));
    const names = await this.institutions.namesById([...new Set(rows.map((m) => m.institution_id))]);
    return users.map((user) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      status: user.status,
      isPlatformAdmin: user.isPlatformAdmin,
      emailVerified: user.emailVerifiedAt !== null,
      preferredLanguage: user.preferredLanguage,
      createdAt: new Date(user.createdAt).toISOString(),
      memberships: rows
        .filter((m) => m.user_id === user.id)
        .map((m) => ({
          institutionId: m.institution_id,
          institutionName: names.get(m.institution_id) ?? '',
          role: m.role,
        })),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { CohortEnrolmentsService } from '../learning/cohort-enrolments.service.js';
import { likePattern } from '../users/search.js';
import { CohortEnrolmentService } from './cohort-enrolment.service.js';
import { Cohort } from './cohort.entity.js';
import type {
  AddCohortMemberRequest,
  AddCohortMemberResponse,
  CohortMemberPage,
  CohortMemberQuery,
  CohortMemberView,
  MoveCohortMemberResponse,
} from './cohort-members.dto.js';
import { CohortsService } from './cohorts.service.js';
import { serverLanguage } from '../common/i18n/server-languages.js';

/**
 * A cohort's people, one at a time: members (with an account) and people invited who have not
 * accepted yet. Leaving a cohort never touches enrolments or progress.
 */
@Injectable()
export class CohortMembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly enrolment: CohortEnrolmentService,
    private readonly enrolments: CohortEnrolmentsService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  async list(cohortId: string, query: CohortMemberQuery, auth: AuthContext): Promise<CohortMemberPage> {
    await this.cohorts.getForStaff(cohortId, auth, 'read');
    const parameters: unknown[] = [cohortId];
    let search = '';
    if (query.q) {
      parameters.push(likePattern(query.q));
      search = `WHERE (p."displayName" ILIKE $2 OR p.email ILIKE $2)`;
    }
    const members = `SELECT 'member' AS kind, u.id AS "userId", NULL::uuid AS "invitationId",
                            u.display_name AS "displayName", u.email, m.added_at AS "addedAt", m.source
                       FROM cohort_member m JOIN user_account u ON u.id = m.user_id
                      WHERE m.cohort_id = $1`;
    const invited = `SELECT 'invited' AS kind, NULL::uuid AS "userId", v.id AS "invitationId",
                            coalesce(x.display_name, v.email) AS "displayName", v.email, x.added_at AS "addedAt",
                            x.source
                       FROM cohort_invitee x JOIN invitation v ON v.id = x.invitation_id
                      WHERE x.cohort_id = $1 AND v.accepted_at IS NULL AND v.revoked_at IS NULL`;
    const union =
      query.status === 'member'
        ? members
        : query.status === 'invited'
          ? invited
          : `${members} UNION ALL ${invited}`;
    const from = `(${union}) p ${search}`;
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT p.* FROM ${from} ORDER BY lower(p."displayName"), p.email
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        parameters,
      ) as Promise<(Omit<CohortMemberView, 'addedAt'> & { addedAt: Date })[]>,
      this.db.query(`SELECT count(*)::int AS total FROM ${from}`, parameters) as Promise<{ total: number }[]>,
    ]);
    return {
      items: rows.map((row) => ({ ...row, addedAt: new Date(row.addedAt).toISOString() })),
      page: query.page,
      pageSize: query.pageSize,
      total: count?.total ?? 0,
    };
  }

  /**
   * Adds one person by e-mail: enrolled at once when they have an account, invited otherwise.
   * The e-mail (enrolment notice or invitation) goes out once the change has committed.
   */
  async add(
    cohortId: string,
    input: AddCohortMemberRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<AddCohortMemberResponse> {
    const language = input.language ?? serverLanguage(auth.preferredLanguage);
    const result = await this.db.transaction(async (tx) => {
      const cohort = await this.cohorts.getForStaff(cohortId, auth, 'manage', tx);
      this.cohorts.assertOpenForEnrolment(cohort);
      return this.enrolment.enrolPeople(
        cohortId,
        [{ email: input.email, givenName: input.givenName, familyName: input.familyName, language }],
        { id: auth.userId, email: auth.email, displayName: auth.displayName, client },
        tx,
        { source: 'manual', defaultLanguage: language },
      );
    });
    await this.enrolment.sendAfterCommit(result);
    return { outcome: result.outcomes[0]!.outcome };
  }

  /** The person leaves the cohort; their enrolments and progress stay theirs. */
  async remove(cohortId: string, userId: string, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cohort = await this.cohorts.getForStaff(cohortId, auth, 'manage', tx);
      await this.leave(tx, cohort, userId);
      await this.audit.record(
        {
          action: 'cohort_member.removed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'user', id: userId },
          institutionId: cohort.institutionId,
          client,
          details: { cohortId },
        },
        tx,
      );
    });
  }

  /**
   * Moves a member to another open cohort of the same institution: they keep every enrolment and
   * its progress, and are enrolled in the target's courses they were not in yet.
   */
  async move(
    cohortId: string,
    userId: string,
    toCohortId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<MoveCohortMemberResponse> {
    // Ids compared as PostgreSQL does: the same cohort in capitals would leave and rejoin it.
    if (toCohortId.toLowerCase() === cohortId.toLowerCase()) {
      throw new ProblemException({
        status: 422,
        type: ProblemType.ValidationFailed,
        detail: 'The learner is already in this cohort: choose another cohort to move them to.',
        errors: [{ field: 'toCohortId', message: 'toCohortId is the cohort they are in', in: 'body' }],
      });
    }
    return this.db.transaction(async (tx) => {
      // Both rows locked in a fixed order, so two moves in opposite directions cannot deadlock.
      const [first, second] = [cohortId, toCohortId].sort();
      const locked = new Map<string, Cohort>();
      for (const id of [first!, second!])
        locked.set(id, await this.cohorts.getForStaff(id, auth, 'manage', tx));
      const from = locked.get(cohortId)!;
      const to = locked.get(toCohortId)!;
      if (to.institutionId !== from.institutionId) {
        throw new ProblemException({
          status: 422,
          type: ProblemType.ValidationFailed,
          detail: `"${to.name}" belongs to another institution: learners move only between cohorts of the same institution.`,
          errors: [
            { field: 'toCohortId', message: 'toCohortId is a cohort of another institution', in: 'body' },
          ],
        });
      }
      this.cohorts.assertOpenForEnrolment(to);
      await this.leave(tx, from, userId);
      await tx.query(
        `INSERT INTO cohort_member (cohort_id, user_id, source, added_by) VALUES ($1, $2, 'move', $3)
         ON CONFLICT (cohort_id, user_id) DO NOTHING`,
        [toCohortId, userId, auth.userId],
      );
      const created = await this.enrolments.enrol(
        [userId],
        await this.cohorts.courseIdsOf(toCohortId, tx),
        tx,
      );
      await this.audit.record(
        {
          action: 'cohort_member.moved',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'user', id: userId },
          institutionId: from.institutionId,
          client,
          details: { fromCohortId: cohortId, toCohortId, enrolmentsCreated: created.length },
        },
        tx,
      );
      return { cohortId: toCohortId, enrolmentsCreated: created.length };
    });
  }

  /**
   * Withdraws a pending invitation to the cohort. The invitation itself is revoked unless it also
   * brings the person into other cohorts, which keep it.
   */
  async revokeInvitee(
    cohortId: string,
    invitationId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cohort = await this.cohorts.getForStaff(cohortId, auth, 'manage', tx);
      const [row] = (await tx.query(
        `DELETE FROM cohort_invitee x USING invitation v
          WHERE x.cohort_id = $1 AND x.invitation_id = $2 AND v.id = x.invitation_id
            AND v.accepted_at IS NULL AND v.revoked_at IS NULL
          RETURNING v.email, v.role`,
        [cohortId, invitationId],
      )) as [{ email: string; role: string }[], number];
      if (!row[0]) {
        throw new ProblemException({
          status: 404,
          type: ProblemType.NotFound,
          detail: `"${cohort.name}" has no pending invitation ${invitationId}.`,
        });
      }
      const [others] = (await tx.query(
        `SELECT count(*)::int AS n FROM cohort_invitee WHERE invitation_id = $1`,
        [invitationId],
      )) as { n: number }[];
      // Cohorts only ever make learner invitations: one to another role was the institution's own
      // (reused for the cohort), and stays theirs to withdraw.
      const ours = row[0].role === InstitutionRole.Learner;
      const revoked = others?.n === 0 && ours ? await this.invitations.revokeOpen(invitationId, tx) : false;
      await this.audit.record(
        {
          action: 'cohort_invitee.revoked',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'invitation', id: invitationId },
          institutionId: cohort.institutionId,
          client,
          details: { cohortId, email: row[0].email, invitationRevoked: revoked },
        },
        tx,
      );
    });
  }

  private async leave(tx: EntityManager, cohort: Cohort, userId: string): Promise<void> {
    const [rows] = (await tx.query(
      `DELETE FROM cohort_member WHERE cohort_id = $1 AND user_id = $2 RETURNING user_id`,
      [cohort.id, userId],
    )) as [unknown[], number];
    if (rows.length === 0) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: `User ${userId} is not a member of "${cohort.name}".`,
      });
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service.js';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import type { MeResponse } from '../auth/auth.dto.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService, type NewSession } from '../auth/sessions.service.js';
import { hashSecretToken, sameSecret } from '../common/crypto/secret-token.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../common/problem/problem-details.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { MembersService } from '../users/members.service.js';
import { InvitationAcceptanceHooks } from './invitation-acceptance-hooks.js';
import { Invitation, statusOf } from './invitation.entity.js';
import type { AcceptInvitationRequest, InvitationPreview } from './invitations.dto.js';

const GONE_DETAIL = {
  accepted: 'This invitation has already been used. Sign in instead.',
  revoked: 'This invitation was withdrawn. Ask your institution administrator for a new one.',
  expired: 'This invitation has expired. Ask your institution administrator for a new one.',
} as const;

export interface Acceptance {
  me: MeResponse;
  /** Set when a new account was created: the caller sets the session cookie. */
  session?: NewSession;
}

/**
 * The invitee's side, reached by the token in the e-mailed link. Unknown tokens are 404; tokens
 * that worked once (accepted, revoked, expired) are 410 Gone with `reason`, so the page can say why.
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly institutions: InstitutionsService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly hooks: InvitationAcceptanceHooks,
  ) {}

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findUsable(this.db.manager, token, false);
    const [institution, account, suggestedDisplayName] = await Promise.all([
      this.institutions.get(invitation.institutionId),
      this.accounts.findForSignIn(invitation.email),
      this.hooks.suggestedDisplayName(invitation.id),
    ]);
    return {
      email: invitation.email,
      institutionName: institution.name,
      role: invitation.role,
      expiresAt: new Date(invitation.expiresAt).toISOString(),
      accountExists: account !== null,
      suggestedDisplayName: account ? null : suggestedDisplayName,
    };
  }

  /**
   * In one transaction: locks the invitation (so of two accepts of one token exactly one gets it),
   * creates the account if there is none, adds the membership and marks the invitation used.
   */
  async accept(
    input: AcceptInvitationRequest,
    caller: AuthContext | undefined,
    client: ClientInfo,
    csrfToken?: string,
  ): Promise<Acceptance> {
    // The route is public, so the guard did not check CSRF; a signed-in browser must still prove it.
    if (
      caller?.via === 'session' &&
      !(csrfToken && caller.csrfToken && sameSecret(csrfToken, caller.csrfToken))
    ) {
      throw new ProblemException({
        status: 403,
        type: ProblemType.Forbidden,
        detail: 'Missing or wrong x-csrf-token header: send the csrfToken from GET /api/me.',
      });
    }
    const result = await this.db.transaction(async (tx) => {
      const invitation = await this.findUsable(tx, input.token, true);
      const existing = await this.accounts.findForSignIn(invitation.email);
      let userId: string;
      let session: NewSession | undefined;
      if (existing) {
        assertSignedInAs(caller, existing.id, invitation.email);
        userId = existing.id;
      } else {
        const { displayName, password } = requireNewAccountFields(input);
        const user = await this.accounts.createAccount(
          {
            email: invitation.email,
            displayName,
            password,
            preferredLanguage: invitation.language as 'en' | 'es' | 'fr',
            // The link reached this address, which proves it is theirs.
            emailVerified: true,
          },
          tx,
        );
        userId = user.id;
        session = await this.sessions.start(userId, client, tx);
      }
      if (invitation.role === InstitutionRole.Learner) {
        // A learner invitation asks nothing of a member's role: someone who joined another way
        // (signed up, or was put in another cohort) since it was sent keeps what they hold, and
        // still gets what the invitation brings (its cohorts).
        await this.members.addLearnersWhereMissing([userId], invitation.institutionId, tx);
      } else {
        await this.members.add(userId, invitation.institutionId, invitation.role, tx);
      }
      await tx
        .getRepository(Invitation)
        .update(invitation.id, { acceptedAt: new Date(), acceptedBy: userId });
      await this.hooks.accepted(
        {
          invitationId: invitation.id,
          institutionId: invitation.institutionId,
          userId,
          email: invitation.email,
          accountCreated: !existing,
          client,
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'invitation.accepted',
          actor: { id: userId, email: existing?.email ?? invitation.email },
          target: { type: 'invitation', id: invitation.id },
          institutionId: invitation.institutionId,
          client,
          details: { role: invitation.role, accountCreated: !existing },
        },
        tx,
      );
      return { userId, session };
    });
    const newCsrfToken = result.session?.csrfToken ?? caller?.csrfToken ?? null;
    return { me: await this.auth.meFor(result.userId, newCsrfToken), session: result.session };
  }

  private async findUsable(manager: EntityManager, token: string, lock: boolean): Promise<Invitation> {
    const builder = manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.token_hash = :hash', { hash: hashSecretToken(token) });
    if (lock) builder.setLock('pessimistic_write');
    const invitation = await builder.getOne();
    if (!invitation) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: 'There is no invitation with this link. Check that the whole link was copied.',
      });
    }
    const status = statusOf(invitation);
    if (status !== 'open') {
      throw new ProblemException({
        status: 410,
        type: ProblemType.Gone,
        detail: GONE_DETAIL[status],
        extensions: { reason: status },
      });
    }
    return invitation;
  }
}

function assertSignedInAs(caller: AuthContext | undefined, userId: string, email: string): void {
  if (!caller) {
    throw new ProblemException({
      status: 401,
      type: ProblemType.Unauthenticated,
      detail: `An account with ${email} already exists: sign in with it first, then accept the invitation.`,
    });
  }
  if (caller.userId !== userId) {
    throw new ProblemException({
      status: 409,
      type: ProblemType.Conflict,
      detail: `This invitation is for ${email}, but you are signed in as ${caller.email}. Sign out and sign in as ${email} first.`,
    });
  }
}

function requireNewAccountFields(input: AcceptInvitationRequest): { displayName: string; password: string } {
  const errors: FieldError[] = [];
  if (!input.displayName)
    errors.push({ field: 'displayName', message: 'displayName is required', in: 'body' });
  if (!input.password) errors.push({ field: 'password', message: 'password is required', in: 'body' });
  if (errors.length > 0 || !input.displayName || !input.password) {
    throw new ProblemException({
      status: 400,
      type: ProblemType.ValidationFailed,
      detail: `To create your account, give ${errors.map((e) => e.field).join(' and ')}.`,
      errors,
    });
  }
  return { displayName: input.displayName, password: input.password };
}

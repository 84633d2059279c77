import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { hashPassword, verifyPassword } from '../accounts/password-hasher.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';
import type { AuthContext, ClientInfo } from './auth-context.js';
import { Authenticator } from './authenticator.service.js';
import type { MeResponse, SignInRequest } from './auth.dto.js';
import { SessionsService, type NewSession } from './sessions.service.js';

const FIFTEEN_MINUTES = 15 * 60;
/** Per address: enough for a training room behind one NAT, too few for a password-guessing run. */
const SIGN_IN_PER_ADDRESS = 60;
/** Per account: a person mistyping; the count resets when they get in. */
const SIGN_IN_PER_ACCOUNT = 10;

const WRONG_CREDENTIALS = 'The e-mail address or the password is not right.';

@Injectable()
export class AuthService implements OnModuleInit {
  // Verifying against this when the e-mail is unknown makes both answers take the same time.
  private decoyHash = '';

  constructor(
    private readonly accounts: AccountsService,
    private readonly authenticator: Authenticator,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await hashPassword('not a real password, only a decoy');
  }

  async signIn(request: SignInRequest, client: ClientInfo): Promise<{ session: NewSession; me: MeResponse }> {
    const accountKey = `sign-in:account:${request.email.toLowerCase()}`;
    await this.limiter.consume(
      { key: `sign-in:ip:${client.ip}`, max: SIGN_IN_PER_ADDRESS, windowSeconds: FIFTEEN_MINUTES },
      { key: accountKey, max: SIGN_IN_PER_ACCOUNT, windowSeconds: FIFTEEN_MINUTES },
    );
    const user = await this.accounts.findForSignIn(request.email);
    const valid = await verifyPassword(user?.passwordHash ?? this.decoyHash, request.password);
    if (!user || !valid || user.status === 'deleted') {
      await this.audit.record({
        action: 'auth.sign_in_failed',
        actor: user ? { id: user.id, email: user.email } : { id: null, email: request.email },
        client,
        details: { reason: user ? 'wrong_password' : 'unknown_email' },
      });
      throw new ProblemException({
        status: 401,
        type: ProblemType.Unauthenticated,
        detail: WRONG_CREDENTIALS,
      });
    }
    if (user.status === 'deactivated') {
      await this.audit.record({
        action: 'auth.sign_in_refused',
        actor: user,
        client,
        details: { reason: 'deactivated' },
      });
      throw new ProblemException({
        status: 403,
        type: ProblemType.Forbidden,
        detail: 'This account has been deactivated. Ask your institution administrator to reactivate it.',
      });
    }
    await this.limiter.reset(accountKey);
    const session = await this.sessions.start(user.id, client);
    await this.audit.record({
      action: 'auth.sign_in',
      actor: user,
      client,
      target: { type: 'session', id: session.id },
    });
    return { session, me: await this.meForSession(session) };
  }

  async signOut(auth: AuthContext, client: ClientInfo): Promise<void> {
    if (auth.sessionId) await this.sessions.end(auth.sessionId);
    await this.audit.record({
      action: 'auth.sign_out',
      actor: { id: auth.userId, email: auth.email },
      client,
    });
  }

  /** Answers GET /api/me from what the guard already read: no further queries. */
  me(auth: AuthContext): MeResponse {
    return {
      user: {
        id: auth.userId,
        email: auth.email,
        emailVerified: auth.emailVerified,
        displayName: auth.displayName,
        preferredLanguage: auth.preferredLanguage,
        isPlatformAdmin: auth.isPlatformAdmin,
        country: auth.country,
        department: auth.department,
        jobTitle: auth.jobTitle,
      },
      memberships: auth.memberships,
      csrfToken: auth.csrfToken ?? null,
    };
  }

  /** The MeResponse for a person, with the CSRF token of the session they now have (if any). */
  async meFor(userId: string, csrfToken: string | null): Promise<MeResponse> {
    const principal = await this.authenticator.userPrincipal(userId);
    if (!principal)
      throw new ProblemException({
        status: 401,
        type: ProblemType.Unauthenticated,
        detail: 'This account no longer exists.',
      });
    return this.me({ ...principal, via: 'session', csrfToken: csrfToken ?? undefined });
  }

  /** The MeResponse for a session that was just started (sign-in, sign-up, accepted invitation). */
  async meForSession(session: NewSession): Promise<MeResponse> {
    const auth = await this.authenticator.sessionPrincipal(session.id);
    if (!auth)
      throw new ProblemException({
        status: 401,
        type: ProblemType.Unauthenticated,
        detail: 'This account no longer exists.',
      });
    return this.me(auth);
  }
}

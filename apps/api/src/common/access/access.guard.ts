import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { hasRole, type AuthContext } from '../../auth/auth-context.js';
import { Authenticator } from '../../auth/authenticator.service.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { sameSecret } from '../crypto/secret-token.js';
import { ProblemException } from '../problem/problem.exception.js';
import { ProblemType } from '../problem/problem-details.js';
import { ACCESS_RULE, CSRF_EXEMPT, type AccessRule } from './access-rule.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

const forbidden = (detail: string) =>
  new ProblemException({ status: 403, type: ProblemType.Forbidden, detail });

/**
 * For routes exempt from the CSRF header (`@CsrfExempt`): what the browser itself says about where
 * the request comes from. `Sec-Fetch-Site` (every current browser) must be same-origin; an `Origin`
 * must name this host (as the request reached us, or PUBLIC_URL's, in case a proxy rewrote Host); `Origin: null` (sandboxed or
 * opaque origins) is refused. A browser old enough to send neither still has SameSite=Lax cookies,
 * which no cross-site POST carries.
 */
function sameOrigin(request: FastifyRequest, publicHost: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === request.host || host === publicHost;
}

/**
 * Deny by default: resolves the caller, then applies the route's access rule. Browser sessions must
 * echo their CSRF token on every state-changing request; API tokens act only within their scopes
 * and never on interactive routes (passwords, sessions, tokens, account deletion).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicHost = new URL(config.PUBLIC_URL).host;
  }

  private readonly publicHost: string;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw forbidden('This endpoint has no access rule, so nobody may call it.');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const auth = await this.authenticator.authenticate(request);
    request.auth = auth;
    if (rule.kind === 'public') return true;
    if (!auth) {
      throw new ProblemException({
        status: 401,
        type: ProblemType.Unauthenticated,
        detail: 'Sign in to do this (your session may have ended).',
      });
    }
    const csrfExempt = this.reflector.get<string | undefined>(CSRF_EXEMPT, context.getHandler());
    this.checkCredential(auth, request, rule.interactive, csrfExempt !== undefined);
    if (rule.kind === 'signed-in' || auth.isPlatformAdmin) return true;
    if (rule.kind === 'roles' && hasRole(auth, rule.roles)) return true;
    throw forbidden(
      rule.kind === 'platform-admin'
        ? 'Only platform administrators may do this.'
        : `Only ${rule.roles.map((r) => r.replace('_', ' ')).join(' or ')}s may do this.`,
    );
  }

  private checkCredential(
    auth: AuthContext,
    request: FastifyRequest,
    interactive: boolean,
    csrfExempt: boolean,
  ): void {
    const unsafe = !SAFE_METHODS.has(request.method);
    if (auth.via === 'session' && unsafe && csrfExempt) {
      if (!sameOrigin(request, this.publicHost)) throw forbidden('Cross-site requests may not do this.');
      return;
    }
    if (auth.via === 'session') {
      const sent = request.headers[CSRF_HEADER];
      if (unsafe && (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken))) {
        throw forbidden(`Missing or wrong ${CSRF_HEADER} header: send the csrfToken from GET /api/me.`);
      }
      return;
    }
    if (interactive) throw forbidden('API tokens cannot do this; sign in with a browser.');
    if (unsafe && !auth.tokenScopes?.includes('write'))
      throw forbidden('This API token may only read (scope "write" is needed).');
  }
}

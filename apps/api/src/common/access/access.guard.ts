import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { hasRole, type AuthContext } from '../../auth/auth-context.js';
import { Authenticator } from '../../auth/authenticator.service.js';
import { sameSecret } from '../crypto/secret-token.js';
import { ProblemException } from '../problem/problem.exception.js';
import { ProblemType } from '../problem/problem-details.js';
import { ACCESS_RULE, type AccessRule } from './access-rule.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

const forbidden = (detail: string) =>
  new ProblemException({ status: 403, type: ProblemType.Forbidden, detail });

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
  ) {}

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
    this.checkCredential(auth, request, rule.interactive);
    if (rule.kind === 'signed-in' || auth.isPlatformAdmin) return true;
    if (rule.kind === 'roles' && hasRole(auth, rule.roles)) return true;
    throw forbidden(
      rule.kind === 'platform-admin'
        ? 'Only platform administrators may do this.'
        : `Only ${rule.roles.map((r) => r.replace('_', ' ')).join(' or ')}s may do this.`,
    );
  }

  private checkCredential(auth: AuthContext, request: FastifyRequest, interactive: boolean): void {
    const unsafe = !SAFE_METHODS.has(request.method);
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

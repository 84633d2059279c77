import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetails } from '../problem/problem-details.js';
import type { InstitutionRole } from '../../accounts/membership.entity.js';

/**
 * Every route states who may call it, next to the route, so that a reader and the route-table
 * test see it without opening the service. A route with no rule is refused (deny by default), and
 * the application will not start while one exists.
 *
 * - public: anyone, signed in or not (say why it is safe);
 * - signed-in: any active account;
 * - roles: platform admins, and people holding one of the roles in at least one institution — the
 *   service then limits them to their own institutions;
 * - platform-admin: project staff only.
 *
 * `interactive` routes (password, sessions, tokens, account deletion) refuse personal API tokens:
 * they need a signed-in browser session.
 */
export type AccessRule =
  | { kind: 'public'; reason: string }
  | { kind: 'signed-in'; interactive: boolean }
  | { kind: 'roles'; roles: InstitutionRole[]; interactive: boolean }
  | { kind: 'platform-admin'; interactive: boolean };

export const ACCESS_RULE = 'archipelago:access-rule';

const rule = (value: AccessRule) => SetMetadata(ACCESS_RULE, value);

const FORBIDDEN_WHY: Record<Exclude<AccessRule['kind'], 'public'>, string> = {
  'signed-in': 'A missing CSRF token, or an API token without the scope this needs.',
  roles: 'The caller does not hold the role here, or lacks the CSRF token or token scope.',
  'platform-admin': 'Only platform administrators may do this (or a missing CSRF token).',
};

/** A rule that needs sign-in documents its 401 and 403 answers itself, so no route forgets them. */
const signedInRule = (value: Exclude<AccessRule, { kind: 'public' }>) =>
  applyDecorators(
    rule(value),
    ApiUnauthorizedResponse({
      type: ProblemDetails,
      description: 'Not signed in, or the session has ended.',
    }),
    ApiForbiddenResponse({
      type: ProblemDetails,
      description: value.interactive
        ? `${FORBIDDEN_WHY[value.kind]} API tokens are refused here.`
        : FORBIDDEN_WHY[value.kind],
    }),
  );

/** Anyone may call this route, signed in or not; say why it is safe to expose. */
export const Public = (reason: string) => rule({ kind: 'public', reason });

/** Any active account. */
export const SignedIn = (options: { interactive?: boolean } = {}) =>
  signedInRule({ kind: 'signed-in', interactive: options.interactive ?? false });

/** Platform admins, and members holding one of these roles in some institution (the service scopes them). */
export const Roles = (...roles: InstitutionRole[]) =>
  signedInRule({ kind: 'roles', roles, interactive: false });

/** Project staff only. */
export const PlatformAdmin = (options: { interactive?: boolean } = {}) =>
  signedInRule({ kind: 'platform-admin', interactive: options.interactive ?? false });

export const CSRF_EXEMPT = 'archipelago:csrf-exempt';

/**
 * The route accepts browser-session writes without the X-CSRF-Token header, because its caller
 * cannot send headers (navigator.sendBeacon on page unload: SCORM's final commit). Instead the
 * guard requires that the browser says the request is same-origin (`Sec-Fetch-Site`, `Origin`)
 * whenever it says anything, on top of the SameSite=Lax cookie. Say why the route needs it; keep
 * the list of such routes short (the route-table test lists them).
 */
export const CsrfExempt = (reason: string) => SetMetadata(CSRF_EXEMPT, reason);

/** One line for logs, docs and the route-table test. */
export function describeRule(value: AccessRule): string {
  switch (value.kind) {
    case 'public':
      return `public (${value.reason})`;
    case 'signed-in':
      return 'signed-in';
    case 'roles':
      return `roles: ${value.roles.join(', ')} (and platform admins)`;
    case 'platform-admin':
      return 'platform admins';
  }
}

import { SetMetadata } from '@nestjs/common';
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

/** Anyone may call this route, signed in or not; say why it is safe to expose. */
export const Public = (reason: string) => rule({ kind: 'public', reason });

/** Any active account. */
export const SignedIn = (options: { interactive?: boolean } = {}) =>
  rule({ kind: 'signed-in', interactive: options.interactive ?? false });

/** Platform admins, and members holding one of these roles in some institution (the service scopes them). */
export const Roles = (...roles: InstitutionRole[]) => rule({ kind: 'roles', roles, interactive: false });

/** Project staff only. */
export const PlatformAdmin = (options: { interactive?: boolean } = {}) =>
  rule({ kind: 'platform-admin', interactive: options.interactive ?? false });

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

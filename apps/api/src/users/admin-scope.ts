import { InstitutionRole } from '../accounts/membership.entity.js';
import { institutionsWhere, type AuthContext } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';

/**
 * The institutions whose people the caller may manage: every one for platform admins, otherwise
 * those where they hold one of the roles. The access guard only checked that they hold the role
 * somewhere; services narrow to this.
 */
export type Scope = { everywhere: true } | { everywhere: false; institutionIds: string[] };

export function scopeOf(
  auth: AuthContext,
  roles: InstitutionRole[] = [InstitutionRole.InstitutionAdmin],
): Scope {
  return auth.isPlatformAdmin
    ? { everywhere: true }
    : { everywhere: false, institutionIds: institutionsWhere(auth, roles) };
}

export const inScope = (scope: Scope, institutionId: string) =>
  scope.everywhere || scope.institutionIds.includes(institutionId);

/**
 * Refuses (403) a caller without one of the roles in this institution. The institution itself is
 * public directory data, so saying "not yours" reveals nothing.
 */
export function assertRoleIn(
  auth: AuthContext,
  institutionId: string,
  roles: InstitutionRole[] = [InstitutionRole.InstitutionAdmin],
): void {
  if (inScope(scopeOf(auth, roles), institutionId)) return;
  const names = roles.map((role) => role.replace('_', ' ')).join(' or ');
  throw new ProblemException({
    status: 403,
    type: ProblemType.Forbidden,
    detail: `Only a platform administrator or a ${names} of this institution may do this.`,
  });
}

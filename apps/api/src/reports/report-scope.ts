import { InstitutionRole } from '../accounts/membership.entity.js';
import { institutionsWhere, type AuthContext } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';

/**
 * The institutions whose learners a caller may count: every one for platform admins (null), their
 * own for institution admins — forced on every report, whatever the filters say. Asking for
 * another institution is answered as if it did not exist (404), as everywhere in the Studio.
 */
export function reportScope(auth: AuthContext, institutionId: string | undefined): string[] | null {
  if (auth.isPlatformAdmin) return null;
  const mine = institutionsWhere(auth, [InstitutionRole.InstitutionAdmin]);
  if (institutionId !== undefined && !mine.includes(institutionId)) {
    throw new ProblemException({
      status: 404,
      type: ProblemType.NotFound,
      detail: 'No such institution among those you administer.',
    });
  }
  return mine;
}

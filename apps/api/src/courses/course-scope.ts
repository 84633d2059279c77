import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { inScope, scopeOf, type Scope } from '../users/admin-scope.js';

/** Who may author a course: its institution's trainers and institution admins (and platform admins). */
export const AUTHOR_ROLES = [InstitutionRole.Trainer, InstitutionRole.InstitutionAdmin];

export const authoringScope = (auth: AuthContext): Scope => scopeOf(auth, AUTHOR_ROLES);

export const mayAuthorIn = (auth: AuthContext, institutionId: string) =>
  inScope(authoringScope(auth), institutionId);

/** The same answer for "does not exist" and "not yours", so course ids reveal nothing. */
export const courseNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no course with id ${id} that you may edit.`,
  });

import type { InstitutionRole } from '../accounts/membership.entity.js';

export interface Membership {
  institutionId: string;
  institutionName: string;
  role: InstitutionRole;
}

export type TokenScope = 'read' | 'write';

/** Who is calling, resolved once per request by the access guard from the session cookie or a bearer token. */
export interface AuthContext {
  userId: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
  isPlatformAdmin: boolean;
  emailVerified: boolean;
  country: string | null;
  department: string | null;
  jobTitle: string | null;
  memberships: Membership[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  tokenScopes?: TokenScope[];
}

/** Where a request came from, for the audit log and rate limits. */
export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

export const hasRole = (auth: AuthContext, roles: InstitutionRole[]) =>
  auth.memberships.some((membership) => roles.includes(membership.role));

/** The institutions in which the caller holds one of the roles (platform admins: see isPlatformAdmin). */
export const institutionsWhere = (auth: AuthContext, roles: InstitutionRole[]) =>
  auth.memberships.filter((membership) => roles.includes(membership.role)).map((m) => m.institutionId);

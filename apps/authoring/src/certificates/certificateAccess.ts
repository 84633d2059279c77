import type { Me } from '@archipelago/api-client';

/**
 * Certificate administrators of a course: platform admins and the admins of the course's
 * institution. The API decides for real; this only keeps the navigation honest.
 */
export const mayAdministerCertificates = (me: Me | null | undefined, institutionId: string): boolean =>
  !!me &&
  (me.user.isPlatformAdmin ||
    me.memberships.some(
      (membership) => membership.role === 'institution_admin' && membership.institutionId === institutionId,
    ));

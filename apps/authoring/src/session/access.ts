import type { Me } from '@archipelago/api-client';

/** Who may see which Studio page. The API decides for real; these only keep the UI honest. */
export const isPlatformAdmin = (me: Me): boolean => me.user.isPlatformAdmin;

/** The institutions this person administers. */
export const administeredInstitutions = (me: Me) =>
  me.memberships.filter((membership) => membership.role === 'institution_admin');

/** Users and institutions pages: platform admins, and institution admins for their own institutions. */
export const canManagePeople = (me: Me): boolean =>
  isPlatformAdmin(me) || administeredInstitutions(me).length > 0;

/** The institutions where this person writes courses: as a trainer or an institution admin. */
export const authoringInstitutions = (me: Me) =>
  me.memberships.filter(
    (membership) => membership.role === 'trainer' || membership.role === 'institution_admin',
  );

/** Course pages: platform admins, and trainers and institution admins for their institutions' courses. */
export const canAuthor = (me: Me): boolean => isPlatformAdmin(me) || authoringInstitutions(me).length > 0;

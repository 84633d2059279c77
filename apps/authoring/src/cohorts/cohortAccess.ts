import type { Me } from '@archipelago/api-client';
import { administeredInstitutions, canManagePeople, isPlatformAdmin } from '../session/access';

/** Cohort pages: platform admins, institution admins, and trainers (who see the cohorts they facilitate). */
export const canSeeCohorts = (me: Me): boolean =>
  isPlatformAdmin(me) || me.memberships.some((m) => m.role === 'institution_admin' || m.role === 'trainer');

/** Creating cohorts: platform admins and institution admins. The API decides per cohort (canManage). */
export const canCreateCohorts = (me: Me): boolean => canManagePeople(me);

export { administeredInstitutions };

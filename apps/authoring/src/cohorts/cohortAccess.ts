import type { Me } from '@archipelago/api-client';
import { canManagePeople } from '../session/access';

/**
 * Creating cohorts: platform admins and institution admins. Trainers see the cohorts they
 * facilitate (the API narrows the list); whether a cohort may be changed is its own `canManage`.
 */
export const canCreateCohorts = (me: Me): boolean => canManagePeople(me);

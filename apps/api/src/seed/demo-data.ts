import { InstitutionKind } from '../institutions/institution.entity.js';
import { InstitutionRole } from '../accounts/membership.entity.js';

/**
 * Demo data for local use. Institution names are illustrative, marked "(demo)", and do not claim to
 * be the official names of real bodies. Passwords are for a local demo only; the seed refuses to
 * run in production.
 */
export const DEMO_INSTITUTIONS = [
  {
    slug: 'bs-public-service-training',
    name: 'Bahamas Public Service Training Centre (demo)',
    country: 'BS',
    kind: InstitutionKind.SchoolOfPublicAdministration,
  },
  {
    slug: 'gy-public-service-training',
    name: 'Guyana Public Service Training Division (demo)',
    country: 'GY',
    kind: InstitutionKind.SchoolOfPublicAdministration,
  },
  {
    slug: 'lc-public-service-training',
    name: 'Saint Lucia Public Service Training Centre (demo)',
    country: 'LC',
    kind: InstitutionKind.SchoolOfPublicAdministration,
  },
  {
    slug: 'lc-ministry-public-service',
    name: 'Saint Lucia Ministry of the Public Service (demo)',
    country: 'LC',
    kind: InstitutionKind.Ministry,
  },
  {
    slug: 'regional-development-administration',
    name: 'Caribbean Centre for Development Administration (demo)',
    country: 'BB',
    kind: InstitutionKind.RegionalBody,
  },
] as const;

/** The institution that owns the courses shipped in @archipelago/content; its demo trainer authors them. */
export const DEMO_COURSE_OWNER = 'lc-public-service-training';

export interface DemoAccount {
  role: 'platform_admin' | InstitutionRole;
  email: string;
  displayName: string;
  password: string;
  institutionSlug?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: 'platform_admin',
    email: 'admin@demo.archipelago.local',
    displayName: 'Alicia Platform-Admin',
    password: 'demo-admin-password',
  },
  {
    role: InstitutionRole.InstitutionAdmin,
    email: 'institution-admin@demo.archipelago.local',
    displayName: 'Marcus Institution-Admin',
    password: 'demo-institution-password',
    institutionSlug: 'lc-public-service-training',
  },
  {
    role: InstitutionRole.Trainer,
    email: 'trainer@demo.archipelago.local',
    displayName: 'Renée Trainer',
    password: 'demo-trainer-password',
    institutionSlug: 'lc-public-service-training',
  },
  {
    role: InstitutionRole.Learner,
    email: 'learner@demo.archipelago.local',
    displayName: 'Devon Learner',
    password: 'demo-learner-password',
    institutionSlug: 'gy-public-service-training',
  },
];

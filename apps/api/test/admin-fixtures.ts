import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { InstitutionKind } from '../src/institutions/institution.entity.js';
import { InstitutionsService } from '../src/institutions/institutions.service.js';
import { unique } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'a long enough test password 42';

/** A person with an account and, optionally, a membership; a unique e-mail each time. */
export async function createPerson(
  t: TestApp,
  membership?: { institutionId: string; role: InstitutionRole },
  label = 'person',
): Promise<{ id: string; email: string; password: string }> {
  const email = `${unique(label)}@example.org`;
  const { id } = await t.app.get(AccountsService).ensure({
    email,
    displayName: `Test ${label}`,
    password: PASSWORD,
    preferredLanguage: 'en',
    membership,
  });
  return { id, email, password: PASSWORD };
}

/** A new institution (country ZZ, so it sorts after the demo ones) with its own institution admin. */
export async function createInstitutionWithAdmin(t: TestApp, label = 'other') {
  const slug = unique(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const { id: institutionId } = await t.app.get(InstitutionsService).ensure({
    slug,
    name: `Test institution ${slug}`,
    country: 'ZZ',
    kind: InstitutionKind.Ministry,
  });
  const admin = await createPerson(
    t,
    { institutionId, role: InstitutionRole.InstitutionAdmin },
    `${label}-admin`,
  );
  return { institutionId, admin };
}

export async function demoInstitutionId(t: TestApp, slug = 'lc-public-service-training'): Promise<string> {
  const [row] = (await t.app.get(DataSource).query(`SELECT id FROM institution WHERE slug = $1`, [slug])) as {
    id: string;
  }[];
  return row!.id;
}

export async function auditActions(
  t: TestApp,
  targetId: string,
): Promise<{ action: string; details: Record<string, unknown> }[]> {
  return t.app
    .get(DataSource)
    .query(`SELECT action, details FROM audit_event WHERE target_id = $1 ORDER BY id`, [targetId]);
}

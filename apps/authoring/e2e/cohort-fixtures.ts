import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { asPageOk, saintLuciaCentreId } from './studio-api';

/*
 * Set-up for the cohort browser tests: the demo's published course, cohorts made through the API
 * as the signed-in administrator, learners signed up through the public form, officials' CSVs.
 */

export const DEMO_COURSE_TITLE = 'Changing Mindsets in Public Institutions';

export const suffix = () => randomBytes(3).toString('hex');

/** The id of the demo's published course of the Saint Lucia centre. */
export async function demoCourseId(page: Page): Promise<string> {
  const courses = await asPageOk<{ items: { id: string; title: string }[] }>(
    page,
    'GET',
    '/api/studio/courses?status=published&query=changing-mindsets',
  );
  const course = courses.items.find((c) => c.title === DEMO_COURSE_TITLE);
  if (!course) throw new Error(`no published "${DEMO_COURSE_TITLE}" in the demo data`);
  return course.id;
}

export interface CreatedCohort {
  id: string;
  name: string;
  version: number;
}

/** An open cohort of the Saint Lucia centre with the demo course, made by whoever is signed in. */
export async function cohortViaApi(
  page: Page,
  name: string,
  facilitatorIds: string[] = [],
): Promise<CreatedCohort> {
  return asPageOk<CreatedCohort>(page, 'POST', '/api/studio/cohorts', {
    institutionId: await saintLuciaCentreId(page),
    name,
    courseIds: [await demoCourseId(page)],
    facilitatorIds,
  });
}

const PASSWORD = 'a long walk along the Pigeon Island causeway';
let nextAddress = 0;

/** A person with an account, through the public sign-up. */
export async function signedUpLearner(
  baseUrl: string,
  name: string,
): Promise<{ email: string; name: string }> {
  const email = `official-${randomBytes(4).toString('hex')}@example.gov`;
  nextAddress += 1;
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${20 + nextAddress}` },
    body: JSON.stringify({ email, password: PASSWORD, displayName: name, preferredLanguage: 'en' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return { email, name };
}

export interface Official {
  email: string;
  givenName: string;
  familyName: string;
  country: string;
  department: string;
  jobTitle: string;
  language: string;
  sex: string;
  ageBand: string;
}

const GIVEN = [
  'Ana',
  'Bernard',
  'Claudette',
  'Dwayne',
  'Esther',
  'Fitzroy',
  'Gemma',
  'Hyacinth',
  'Irvin',
  'Joëlle',
];
const FAMILY = ['Alexander', 'Baptiste', 'Charles', 'Descartes', 'Edmund', 'François', 'George', 'Hippolyte'];
const DEPARTMENTS = [
  'Ministry of Finance',
  'Ministry of Health',
  'Ministry of Education',
  'Department of Public Service',
];

/** `count` officials at addresses of a domain of their own, so the test can find their mail. */
export function officials(count: number, domain: string): Official[] {
  return Array.from({ length: count }, (_, index) => ({
    email: `official.${index + 1}@${domain}`,
    givenName: GIVEN[index % GIVEN.length]!,
    familyName: FAMILY[index % FAMILY.length]!,
    // As people write it: a code, the official name, or the short form.
    country: index % 3 === 0 ? 'Saint Lucia' : index % 3 === 1 ? 'St. Lucia' : 'LC',
    department: DEPARTMENTS[index % DEPARTMENTS.length]!,
    jobTitle: 'Officer',
    language: ['en', 'fr', 'es'][index % 3]!,
    // A few say their sex and age band, for reports: the import then asks for the institution's word.
    sex: index % 10 === 0 ? 'female' : '',
    ageBand: index % 10 === 0 ? '35_44' : '',
  }));
}

const cell = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The CSV under the template's own header line, in the template's column order. */
export function officialsCsv(header: string, people: Official[]): string {
  const lines = people.map((p) =>
    [
      p.email,
      p.givenName,
      p.familyName,
      p.country,
      p.department,
      p.jobTitle,
      p.language,
      p.sex,
      p.ageBand,
      '',
      '',
    ]
      .map(cell)
      .join(','),
  );
  return [header, ...lines].join('\r\n') + '\r\n';
}

/** How many messages were stored to addresses of the domain, by template. */
export async function mailToDomain(databaseUrl: string, domain: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ template: string; count: string }>(
      "SELECT template, count(*) AS count FROM mail_message WHERE recipient LIKE '%@' || $1 GROUP BY template",
      [domain],
    );
    return Object.fromEntries(rows.map((row) => [row.template, Number(row.count)]));
  } finally {
    await client.end();
  }
}

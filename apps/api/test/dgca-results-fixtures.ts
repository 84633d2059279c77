import { DataSource } from 'typeorm';
import { createPerson } from './admin-fixtures.js';
import { addPeople, createAssessment, moveTo, type DgcaWorld } from './dgca-assessments-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/** One answer: a level, "don't know" (null), or a level with a comment and evidence link; undefined skips. */
export type Answer =
  number | null | undefined | { value: number | null; comment?: string; evidenceUrl?: string };

export interface Rater extends TestSession {
  displayName: string;
}

export interface RatedAssessment {
  id: string;
  raters: Rater[];
}

/** A person with an account and a recognisable display name, signed in. */
export async function rater(t: TestApp, label: string): Promise<Rater> {
  const person = await createPerson(t, undefined, label);
  const session = await signIn(t, person.email, person.password);
  return { ...session, displayName: `Test ${label}` };
}

/** Rates through the participant route, as the learner app does. */
export async function rate(t: TestApp, as: TestSession, id: string, statementId: string, answer: Answer) {
  if (answer === undefined) return;
  const body =
    answer === null
      ? { dontKnow: true }
      : typeof answer === 'number'
        ? { value: answer }
        : answer.value === null
          ? { dontKnow: true, comment: answer.comment, evidenceUrl: answer.evidenceUrl }
          : { value: answer.value, comment: answer.comment, evidenceUrl: answer.evidenceUrl };
  const res = await call(t, as, 'put', `/api/me/assessments/${id}/ratings/${statementId}`).send(body);
  if (res.status !== 200) throw new Error(`rate: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * An assessment of the world's institution taken through the API: one participant per row of
 * `answers` (each row: an answer per statement of the world's version, in order), the individual
 * round opened, everyone's answers saved, and moved on to `status`.
 */
export async function ratedAssessment(
  t: TestApp,
  world: DgcaWorld,
  answers: Answer[][],
  options: { status?: 'individual' | 'consensus' | 'completed'; extra?: Record<string, unknown> } = {},
): Promise<RatedAssessment> {
  const assessment = await createAssessment(t, world, options.extra);
  const raters: Rater[] = [];
  for (const [index] of answers.entries()) raters.push(await rater(t, unique(`rater${index + 1}`)));
  await addPeople(
    t,
    world,
    assessment.id,
    raters.map((r) => r.email),
  );
  await moveTo(t, world, assessment.id, 'individual');
  for (const [index, row] of answers.entries())
    for (const [position, answer] of row.entries())
      await rate(t, raters[index]!, assessment.id, world.version.statementIds[position]!, answer);
  const status = options.status ?? 'consensus';
  if (status !== 'individual') await moveTo(t, world, assessment.id, 'consensus');
  if (status === 'completed') await moveTo(t, world, assessment.id, 'completed');
  return { id: assessment.id, raters };
}

/** Records the group's agreed ratings, one per statement in order (undefined: none recorded). */
export async function agree(
  t: TestApp,
  world: DgcaWorld,
  id: string,
  values: (number | null | undefined)[],
): Promise<void> {
  for (const [position, value] of values.entries()) {
    if (value === undefined) continue;
    const res = await call(
      t,
      world.admin,
      'put',
      `/api/studio/dgca/assessments/${id}/consensus/${world.version.statementIds[position]}`,
    ).send(value === null ? { dontKnow: true } : { value });
    if (res.status !== 200) throw new Error(`consensus: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** A file download as bytes. */
export async function download(
  t: TestApp,
  as: TestSession,
  path: string,
): Promise<{ status: number; body: Buffer; headers: Record<string, string> }> {
  const res = await call(t, as, 'get', path)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
}

/** The text of a PDF (every page), with its title. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const content = await (await doc.getPage(number)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const info = (await doc.getMetadata()).info as { Title?: string };
  await doc.destroy();
  return `${info.Title ?? ''}\n${parts.join('\n')}`;
}

/** The participant row ids of an assessment (to look for them in responses). */
export async function participantIds(t: TestApp, id: string): Promise<string[]> {
  const rows = (await t.app
    .get(DataSource)
    .query(`SELECT id FROM dgca_participant WHERE assessment_id = $1`, [id])) as { id: string }[];
  return rows.map((row) => row.id);
}

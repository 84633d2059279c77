// Certificates for the certificate browser tests: a course a learner has completed through the
// API (the reader sends the same progress write), and reading the PDF the way an employer's
// phone would read its QR code or printed address.
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { signInToApi, type ApiSession } from './api-helpers';
import {
  newLearner,
  paragraph,
  PASSWORD,
  publishCourse,
  TRAINER,
  type CreatedCourse,
} from './learning-fixtures';

export const ADMIN = { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' };

/** The learner's view of a certificate (GET /api/me/certificates). */
export interface MyCertificate {
  id: string;
  code: string | null;
  state: 'pending' | 'issued' | 'declined';
  status: string | null;
  courseSlug: string;
  courseTitle: string;
  verificationUrl: string | null;
  credentialUrl: string | null;
  pdfUrl: string | null;
}

/** A published course of one short lesson, made by the demo trainer. */
export async function oneLessonCourse(baseUrl: string, title: string): Promise<CreatedCourse> {
  const trainer = await signInToApi(baseUrl, TRAINER.email, TRAINER.password);
  return publishCourse(trainer, {
    title,
    modules: [
      [
        'The essentials',
        [
          {
            title: 'What a good service feels like',
            blocks: [
              paragraph('A good public service is one people can find, understand and use the first time.'),
              paragraph('It treats everyone with respect, and it keeps its promises.'),
            ],
          },
        ],
      ],
    ],
  });
}

/** The learner's certificate for the course, once the completion has issued it. */
export async function certificateOf(learner: ApiSession, courseSlug: string): Promise<MyCertificate> {
  for (let tries = 0; tries < 100; tries += 1) {
    const { items } = await learner.get<{ items: MyCertificate[] }>('/api/me/certificates');
    const found = items.find((item) => item.courseSlug === courseSlug && item.state === 'issued');
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No certificate was issued for ${courseSlug}`);
}

/** A new learner who enrolled in the course and completed it through the API. */
export async function learnerWhoCompleted(
  baseUrl: string,
  course: CreatedCourse,
  name: string,
): Promise<{ email: string; learner: ApiSession }> {
  const email = await newLearner(baseUrl, name);
  const learner = await signInToApi(baseUrl, email, PASSWORD);
  await learner.post(`/api/courses/${course.slug}/enrolment`, {});
  for (const activityId of course.modules.flat()) {
    await learner.put(`/api/me/learning/${course.slug}/activities/${activityId}/progress`, {
      at: new Date().toISOString(),
      completed: true,
    });
  }
  return { email, learner };
}

/** A new learner who completed the course, and the certificate that issued them. */
export async function learnerWithCertificate(
  baseUrl: string,
  course: CreatedCourse,
  name: string,
): Promise<{ email: string; learner: ApiSession; certificate: MyCertificate }> {
  const { email, learner } = await learnerWhoCompleted(baseUrl, course, name);
  return { email, learner, certificate: await certificateOf(learner, course.slug) };
}

/** Certificates of the course wait for an administrator's approval (set by the demo trainer, an author). */
export async function requireApproval(baseUrl: string, course: CreatedCourse): Promise<void> {
  const trainer = await signInToApi(baseUrl, TRAINER.email, TRAINER.password);
  await trainer.put(`/api/studio/courses/${course.id}/certificate-settings`, {
    enabled: true,
    issueMode: 'approval',
    validityMonths: null,
  });
}

/** The text pieces of the PDF's first page, in reading order. */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    return content.items.filter((item): item is TextItem => 'str' in item).map((item) => item.str);
  } finally {
    await task.destroy();
  }
}

/** The verification address printed on the certificate (the QR code's target). */
export async function verificationUrlIn(pdf: Buffer): Promise<URL> {
  const pieces = await pdfText(pdf);
  // A long address may be wrapped over two lines: read it with and without the breaks.
  const address = /https?:\/\/[^\s]+\/verify\/[0-9A-Z-]{16,19}/;
  const url = address.exec(pieces.join(' '))?.[0] ?? address.exec(pieces.join(''))?.[0];
  if (!url) throw new Error(`No verification address printed in the PDF: ${pieces.join(' ')}`);
  return new URL(url);
}

/** The credential file with one character of its signed payload changed. */
export function tampered(credentialJson: string): string {
  const envelope = JSON.parse(credentialJson) as { id: string };
  const [prefix, jws] = envelope.id.split(',') as [string, string];
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const middle = Math.floor(payload.length / 2);
  const changed = payload[middle] === 'A' ? 'B' : 'A';
  const altered = `${payload.slice(0, middle)}${changed}${payload.slice(middle + 1)}`;
  return JSON.stringify({ ...envelope, id: `${prefix},${header}.${altered}.${signature}` });
}

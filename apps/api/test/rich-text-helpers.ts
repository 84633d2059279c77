import { expect } from '@jest/globals';
import { ProblemException } from '../src/common/problem/problem.exception.js';
import type { RichTextLabels } from '../src/rich-text/render-html.js';

export const LABELS: RichTextLabels = {
  transcript: 'Transcript',
  captions: 'Captions',
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  caseStudy: 'Case study',
  reflection: 'Reflection',
  sources: 'Sources',
};

export const REFLECTION_ID = '0b6f3c1e-2f4a-4d8b-9c11-5e7a9d2b3c4f';

export const text = (value: string, marks?: unknown[]): Record<string, unknown> => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
export const p = (...content: unknown[]): Record<string, unknown> => ({ type: 'paragraph', content });
export const doc = (...content: unknown[]): Record<string, unknown> => ({ type: 'doc', content });

/** Runs `fn`, expecting the 422 invalid-document problem, and returns its body. */
export function problemOf(fn: () => unknown): {
  status: number;
  type: string;
  detail: string;
  errors: { field: string; message: string; in: string }[];
} {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    const problem = (error as ProblemException).getResponse() as ReturnType<typeof problemOf>;
    expect((error as ProblemException).getStatus()).toBe(422);
    return problem;
  }
  throw new Error('expected a 422 problem, but the document was accepted');
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './course.js';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A question bank shipped in `question-banks/`, as its Moodle GIFT text; `name` without `.gift`. */
export function loadQuestionBank(name: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not the name of a question bank`);
  return readFileSync(path.join(packageRoot(), 'question-banks', `${name}.gift`), 'utf8');
}

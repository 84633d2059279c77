// Where the shared SCORM corpus is: real packages nobody on this project wrote, kept outside the
// repository (their licences allow use, and the repository copies none of them).
import { resolve } from 'node:path';
import { ROOT } from './run.mjs';

export const scormCorpusDir = () =>
  resolve(process.env.SCORM_CORPUS_DIR ?? resolve(ROOT, '../shared/scorm-corpus'));

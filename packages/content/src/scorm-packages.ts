import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './course.js';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The folder of a SCORM package shipped in `scorm/` (its files as a zip would hold them, with
 * `imsmanifest.xml` at the top), for the seed to import like an upload.
 */
export function scormPackageDir(name: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not the name of a SCORM package`);
  const dir = path.join(packageRoot(), 'scorm', name);
  if (!existsSync(path.join(dir, 'imsmanifest.xml'))) throw new Error(`no SCORM package "${name}" in ${dir}`);
  return dir;
}

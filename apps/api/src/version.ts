import { readFileSync } from 'node:fs';

/** The API's version, from its package.json, so that one number is kept in one place. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

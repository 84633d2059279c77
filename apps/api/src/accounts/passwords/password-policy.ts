import { readFileSync } from 'node:fs';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';

export const MIN_PASSWORD_LENGTH = 12;
// argon2 hashes any length, but a megabyte "password" is a denial of service, not a password.
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#')),
);

/** "Sunshine2024!!" is "sunshine" with decorations: people add digits and symbols to common words. */
const stripDecorations = (password: string) =>
  password
    .toLowerCase()
    .replace(/[\d\W_]+$/u, '')
    .replace(/^[\d\W_]+/u, '');

/** Why a password is refused, or undefined when it is acceptable (NIST SP 800-63B: length and a blocklist). */
export function passwordProblem(password: string, personal: string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(stripDecorations(password))) {
    return 'password is too common: choose words that others would not guess';
  }
  if (/^(.)\1+$/u.test(password)) return 'password must not be one character repeated';
  const parts = personal
    .flatMap((value) => value.toLowerCase().split(/[@\s.]+/u))
    .filter((part) => part.length >= 4);
  if (parts.some((part) => lower.includes(part) && lower.replace(part, '').length < 6)) {
    return 'password must not be your name or e-mail address';
  }
  return undefined;
}

/** Throws a validation problem naming the field when the password is not acceptable. */
export function assertAcceptablePassword(
  password: string,
  personal: string[] = [],
  field = 'password',
): void {
  const problem = passwordProblem(password, personal);
  if (!problem) return;
  throw new ProblemException({
    status: 400,
    type: ProblemType.ValidationFailed,
    detail: `${field}: ${problem.replace(/^password/, field)}`,
    errors: [{ field, message: problem.replace(/^password/, field), in: 'body' }],
  });
}

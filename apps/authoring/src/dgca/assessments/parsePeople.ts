/** One person to add, as the API takes them. */
export interface PersonToAdd {
  email: string;
  displayName?: string;
}

// Deliberately loose: the API checks addresses properly and names the bad one.
const EMAIL = /^[^\s<>@]+@[^\s<>@]+$/;
const NAMED = /^(.*?)\s*<([^<>]+)>$/;

/**
 * The "Add people" box: one person a line, as "ana@example.gov" or "Ana Pérez <ana@example.gov>"
 * (how e-mail programs copy addresses). Blank lines are skipped; lines that are neither come back
 * in `invalid`, as typed, so the form can name them.
 */
export function parsePeople(text: string): { people: PersonToAdd[]; invalid: string[] } {
  const people: PersonToAdd[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const named = NAMED.exec(line);
    const email = (named ? named[2]! : line).trim();
    const name = named
      ? named[1]!
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .trim()
      : '';
    if (!EMAIL.test(email)) {
      invalid.push(line);
      continue;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    people.push(name ? { email, displayName: name } : { email });
  }
  return { people, invalid };
}

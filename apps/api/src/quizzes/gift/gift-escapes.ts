/**
 * GIFT's backslash escapes. `\\` is honoured as well because Moodle's own export writes a backslash
 * that way; any other backslash (LaTeX's `\(`, for instance) is kept as it is.
 */

const ESCAPABLE = '\\~=#{}:';

/** Index of `needle` at or after `from`, skipping escaped characters; -1 when absent. */
export function findUnescaped(source: string, needle: string, from = 0): number {
  let index = from;
  while (index < source.length) {
    if (source[index] === '\\' && ESCAPABLE.includes(source[index + 1] ?? '')) {
      index += 2;
      continue;
    }
    if (source.startsWith(needle, index)) return index;
    index += 1;
  }
  return -1;
}

/** Splits before every unescaped marker character; the text before the first marker comes first. */
export function splitBeforeMarkers(source: string, markers: string): { lead: string; pieces: string[] } {
  const starts: number[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '\\' && ESCAPABLE.includes(source[index + 1] ?? '')) {
      index += 2;
      continue;
    }
    if (markers.includes(char)) starts.push(index);
    index += 1;
  }
  const pieces = starts.map((start, i) => source.slice(start, starts[i + 1] ?? source.length));
  return { lead: source.slice(0, starts[0] ?? source.length), pieces };
}

export function unescapeGift(raw: string): string {
  return raw.replace(/\\([\\~=#{}:n])/g, (_match, char: string) => (char === 'n' ? '\n' : char));
}

/** Escapes everything GIFT would read as markup, and folds new lines so a question stays one block. */
export function escapeGift(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/[\\~=#{}:]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

/**
 * Cuts a GIFT file into question blocks: blank lines separate questions, `//` lines are comments,
 * and a `$CATEGORY:` line applies to every question after it.
 */

export interface GiftBlock {
  category: string | null;
  /** The block's lines, comments removed, each with its 1-based line number in the file. */
  lines: { number: number; text: string }[];
}

export interface GiftSplit {
  blocks: GiftBlock[];
  sawCategory: boolean;
}

const CATEGORY_PREFIX = '$CATEGORY:';

export function normaliseGiftSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function splitGift(source: string): GiftSplit {
  const blocks: GiftBlock[] = [];
  let category: string | null = null;
  let sawCategory = false;
  let current: GiftBlock | null = null;

  normaliseGiftSource(source)
    .split('\n')
    .forEach((text, index) => {
      const trimmed = text.trim();
      if (trimmed === '') {
        current = null;
      } else if (trimmed.startsWith('//')) {
        // A comment neither ends nor starts a question.
      } else if (trimmed.startsWith(CATEGORY_PREFIX)) {
        category = trimmed.slice(CATEGORY_PREFIX.length).trim() || null;
        sawCategory = true;
        current = null;
      } else {
        if (current === null) {
          current = { category, lines: [] };
          blocks.push(current);
        }
        current.lines.push({ number: index + 1, text });
      }
    });

  return { blocks, sawCategory };
}

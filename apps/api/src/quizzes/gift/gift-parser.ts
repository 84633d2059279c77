/** Reads a Moodle GIFT file into questions, and every question it cannot read into a problem. */
import { parseAnswerBlock } from './gift-answers.js';
import { findUnescaped, unescapeGift } from './gift-escapes.js';
import type { GiftFormat, GiftParseResult, GiftProblem, GiftQuestion } from './gift-question.js';
import { MISSING_WORD } from './gift-question.js';
import type { GiftBlock } from './gift-splitter.js';
import { normaliseGiftSource, splitGift } from './gift-splitter.js';

const FORMAT_PREFIX = /^\[(moodle|html|markdown|plain)\]/i;
const MARKUP_DOCUMENT = /^\s*<(!doctype|html|\?xml|head|body|quiz)\b/i;

export function parseGift(source: string): GiftParseResult {
  const text = normaliseGiftSource(source);
  const notGift = recogniseOtherDocument(text);
  if (notGift !== null) return { questions: [], problems: [notGift] };

  const { blocks, sawCategory } = splitGift(text);
  const questions: GiftQuestion[] = [];
  const problems: GiftProblem[] = [];
  for (const block of blocks) {
    const result = parseQuestion(block);
    if ('problem' in result) problems.push(result.problem);
    else questions.push(result.question);
  }

  // Any text without braces reads as "description" items, so a CSV or a letter would import as
  // pages of descriptions: without a single GIFT mark, the file is refused instead.
  const looksLikeGift =
    sawCategory ||
    questions.some((question) => question.body.kind !== 'description' || question.name !== null);
  if (questions.length > 0 && !looksLikeGift) {
    return {
      questions: [],
      problems: [
        ...problems,
        {
          line: questions[0]?.line ?? 1,
          message: 'this does not look like GIFT: no question has an answer block {…}',
        },
      ],
    };
  }
  return { questions, problems };
}

function recogniseOtherDocument(text: string): GiftProblem | null {
  const binary = firstControlCharacter(text);
  if (binary >= 0) {
    return { line: lineAt(text, binary), message: 'this is not a text file, so it cannot be GIFT' };
  }
  if (MARKUP_DOCUMENT.test(text)) {
    return {
      line: 1,
      message: 'this is an HTML or XML document (Moodle XML is a different format), not GIFT',
    };
  }
  return null;
}

/** Control characters other than tab, line feed and form feed mean bytes, not text. */
function firstControlCharacter(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c) || code === 0x7f) return index;
  }
  return -1;
}

type QuestionResult = { question: GiftQuestion } | { problem: GiftProblem };

function parseQuestion(block: GiftBlock): QuestionResult {
  const source = block.lines.map((line) => line.text).join('\n');
  const firstLine = block.lines[0]?.number ?? 1;
  const lineOf = (offset: number) => block.lines[lineAt(source, offset) - 1]?.number ?? firstLine;
  const problem = (offset: number, message: string): QuestionResult => ({
    problem: { line: lineOf(offset), message },
  });

  let cursor = source.length - source.trimStart().length;
  let name: string | null = null;
  if (source.startsWith('::', cursor)) {
    const end = findUnescaped(source, '::', cursor + 2);
    if (end < 0) return problem(cursor, 'the title (::…::) is never closed');
    name = unescapeGift(source.slice(cursor + 2, end).trim());
    cursor = end + 2;
  }
  cursor += source.slice(cursor).length - source.slice(cursor).trimStart().length;
  let format: GiftFormat = 'moodle';
  const prefix = FORMAT_PREFIX.exec(source.slice(cursor));
  if (prefix !== null) {
    format = (prefix[1] ?? 'moodle').toLowerCase() as GiftFormat;
    cursor += prefix[0].length;
  }

  const open = findUnescaped(source, '{', cursor);
  const strayClose = findUnescaped(source.slice(0, open < 0 ? source.length : open), '}', cursor);
  if (strayClose >= 0) return problem(strayClose, 'a closing } has no opening {');
  const base = { line: firstLine, category: block.category, name, format };

  if (open < 0) {
    const text = unescapeGift(source.slice(cursor).trim());
    if (text === '') return problem(cursor, 'the question has no text and no answer block');
    return { question: { ...base, text, generalFeedback: null, body: { kind: 'description' } } };
  }

  const close = findUnescaped(source, '}', open + 1);
  if (close < 0) return problem(open, 'the answer block is never closed');
  const after = source.slice(close + 1);
  const secondOpen = findUnescaped(after, '{');
  if (secondOpen >= 0)
    return problem(close + 1 + secondOpen, 'a question can have only one answer block {…}');
  const secondClose = findUnescaped(after, '}');
  if (secondClose >= 0) return problem(close + 1 + secondClose, 'a closing } has no opening {');

  const answers = parseAnswerBlock(source.slice(open + 1, close));
  if (!answers.ok) return problem(open, answers.message);

  const before = source.slice(cursor, open);
  const text =
    after.trim() === ''
      ? unescapeGift(before.trim())
      : unescapeGift(before.trimStart()) + MISSING_WORD + unescapeGift(after.trimEnd());
  return { question: { ...base, text, generalFeedback: answers.generalFeedback, body: answers.body } };
}

/** 1-based line of `offset` within `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (text[index] === '\n') line += 1;
  return line;
}

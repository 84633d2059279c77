/** Writes questions as GIFT that `parseGift` (and Moodle) read back into the same questions. */
import { escapeGift } from './gift-escapes.js';
import type { GiftBody, GiftChoice, GiftNumericAnswer, GiftQuestion } from './gift-question.js';
import { MISSING_WORD } from './gift-question.js';

export function writeGift(questions: GiftQuestion[]): string {
  const blocks: string[] = [];
  let category: string | null = null;
  for (const question of questions) {
    if (question.category !== category) {
      // An empty category line puts the following questions back in no category.
      blocks.push(`$CATEGORY: ${question.category ?? ''}`.trimEnd());
      category = question.category;
    }
    blocks.push(writeQuestion(question));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

function writeQuestion(question: GiftQuestion): string {
  const title = question.name === null ? '' : `::${escapeGift(question.name)}::`;
  // A text that starts like a comment, a category or a format prefix must not be read as one.
  const needsFormat = question.format !== 'moodle' || /^(\/\/|\$|\[)/.test(question.text);
  const head = title + (needsFormat ? `[${question.format}]` : '');
  if (question.body.kind === 'description') return head + escapeGift(question.text);

  const block = `{${writeBody(question.body, question.generalFeedback)}}`;
  const gap = question.text.indexOf(MISSING_WORD);
  const after = gap < 0 ? '' : question.text.slice(gap + MISSING_WORD.length);
  if (gap >= 0 && after.trim() !== '') {
    return head + escapeGift(question.text.slice(0, gap)) + block + escapeGift(after);
  }
  return `${head}${escapeGift(question.text)} ${block}`;
}

function writeBody(body: Exclude<GiftBody, { kind: 'description' }>, generalFeedback: string | null): string {
  const general =
    generalFeedback === null || generalFeedback === '' ? '' : `####${escapeGift(generalFeedback)}`;
  switch (body.kind) {
    case 'essay':
      return general;
    case 'true-false': {
      const right = feedback(body.feedbackRight);
      const wrong = right === '' ? feedback(body.feedbackWrong) : feedback(body.feedbackWrong) || '#';
      return `${body.answer ? 'TRUE' : 'FALSE'}${wrong}${right}${general}`;
    }
    case 'multiple-choice': {
      const onlyFull = body.answers.filter((answer) => answer.fraction === 100).length === 1;
      return lines(
        body.answers.map((answer) =>
          onlyFull && answer.fraction === 100
            ? choice('=', null, answer)
            : choice('~', answer.fraction, answer),
        ),
        general,
      );
    }
    case 'short-answer':
      return lines(
        body.answers.map((answer) => choice('=', answer.fraction === 100 ? null : answer.fraction, answer)),
        general,
      );
    case 'numeric': {
      const [only] = body.answers;
      if (body.answers.length === 1 && only !== undefined && only.fraction === 100) {
        return `#${numeric(only)}${general}`;
      }
      return `#${lines(
        body.answers.map(
          (answer) => `=${weight(answer.fraction === 100 ? null : answer.fraction)}${numeric(answer)}`,
        ),
        general,
      )}`;
    }
    case 'matching':
      return lines(
        body.pairs.map((pair) => `=${escapeGift(pair.prompt)} -> ${escapeGift(pair.answer)}`),
        general,
      );
  }
}

function lines(answers: string[], general: string): string {
  return `\n${[...answers, ...(general === '' ? [] : [general])].map((line) => `\t${line}`).join('\n')}\n`;
}

/** `fraction` null means the marker's own value (100 for `=`, 0 for `~`). */
function choice(marker: '=' | '~', fraction: number | null, answer: GiftChoice): string {
  const shown = marker === '~' && fraction === 0 ? null : fraction;
  return `${marker}${weight(shown)}${escapeGift(answer.text)}${feedback(answer.feedback)}`;
}

function numeric(answer: GiftNumericAnswer): string {
  return `${answer.value}:${answer.tolerance}${feedback(answer.feedback)}`;
}

function weight(fraction: number | null): string {
  return fraction === null ? '' : `%${fraction}%`;
}

function feedback(text: string | null): string {
  return text === null || text === '' ? '' : `#${escapeGift(text)}`;
}

import type { Question, Response } from './question-model.js';

/** Long enough for any essay a quiz asks for, short enough that one answer cannot bloat an attempt. */
export const MAX_TEXT_LENGTH = 10_000;

export type ResponseValidation = { ok: true; response: Response | null } | { ok: false; problem: string };

/** A class, not a plain object, so no response value can be mistaken for a problem. */
class Problem {
  constructor(readonly problem: string) {}
}

type Check<T> = T | Problem;

const fail = (problem: string) => new Problem(problem);
const failed = <T>(check: Check<T>): check is Problem => check instanceof Problem;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The object's fields, refusing any besides `expected`, so a client bug is named rather than ignored. */
function fields(value: unknown, expected: string): Check<Record<string, unknown>> {
  if (!isPlainObject(value)) return fail(`The response must be an object with a "${expected}" field.`);
  const extra = Object.keys(value).find((key) => key !== expected);
  if (extra !== undefined) return fail(`The response has an unexpected field "${extra}".`);
  if (!Object.hasOwn(value, expected)) return fail(`The response is missing its "${expected}" field.`);
  return value;
}

function text(value: unknown, name: string): Check<string> {
  if (typeof value !== 'string') return fail(`"${name}" must be a string.`);
  if (value.length > MAX_TEXT_LENGTH) {
    return fail(`"${name}" is ${value.length} characters long; the limit is ${MAX_TEXT_LENGTH}.`);
  }
  return value;
}

/** A list of distinct ids, each one of `known`. */
function ids(value: unknown, name: string, known: string[], what: string): Check<string[]> {
  if (!Array.isArray(value)) return fail(`"${name}" must be a list of ${what} ids.`);
  const knownIds = new Set(known);
  const seen = new Set<string>();
  for (const id of value as unknown[]) {
    if (typeof id !== 'string') return fail(`"${name}" must hold only strings.`);
    if (!knownIds.has(id)) return fail(`"${name}" names an unknown ${what} "${id}".`);
    if (seen.has(id)) return fail(`"${name}" names the ${what} "${id}" more than once.`);
    seen.add(id);
  }
  return [...seen];
}

function check(question: Question, response: unknown): Check<Response> {
  switch (question.type) {
    case 'single-choice': {
      const body = fields(response, 'optionId');
      if (failed(body)) return body;
      if (typeof body.optionId !== 'string') return fail('"optionId" must be a string.');
      const optionId = body.optionId;
      if (!question.options.some((option) => option.id === optionId)) {
        return fail(`"optionId" names an unknown option "${optionId}".`);
      }
      return { optionId };
    }
    case 'multiple-response': {
      const body = fields(response, 'optionIds');
      if (failed(body)) return body;
      const optionIds = ids(
        body.optionIds,
        'optionIds',
        question.options.map((option) => option.id),
        'option',
      );
      return failed(optionIds) ? optionIds : { optionIds };
    }
    case 'true-false': {
      const body = fields(response, 'answer');
      if (failed(body)) return body;
      return typeof body.answer === 'boolean'
        ? { answer: body.answer }
        : fail('"answer" must be true or false.');
    }
    case 'short-answer':
    case 'numeric':
    case 'essay': {
      const body = fields(response, 'text');
      if (failed(body)) return body;
      const value = text(body.text, 'text');
      return failed(value) ? value : { text: value };
    }
    case 'matching':
      return checkMatching(question.pairs, question.distractors, response);
    case 'ordering': {
      const body = fields(response, 'order');
      if (failed(body)) return body;
      const itemIds = question.items.map((item) => item.id);
      const order = ids(body.order, 'order', itemIds, 'item');
      if (failed(order)) return order;
      if (order.length !== itemIds.length) {
        return fail(`"order" must list all ${itemIds.length} items; it lists ${order.length}.`);
      }
      return { order };
    }
  }
}

/** A partial matching is allowed: prompts left out count as wrong. */
function checkMatching(
  pairs: { id: string; answer: string }[],
  distractors: string[],
  response: unknown,
): Check<Response> {
  const body = fields(response, 'matches');
  if (failed(body)) return body;
  if (!isPlainObject(body.matches)) return fail('"matches" must be an object from pair id to answer.');
  const pairIds = new Set(pairs.map((pair) => pair.id));
  const offered = new Set([...pairs.map((pair) => pair.answer), ...distractors]);
  const matches: [string, string][] = [];
  for (const [pairId, answer] of Object.entries(body.matches)) {
    if (!pairIds.has(pairId)) return fail(`"matches" names an unknown pair "${pairId}".`);
    const value = text(answer, `matches.${pairId}`);
    if (failed(value)) return value;
    if (!offered.has(value)) return fail(`"matches.${pairId}" is not one of the offered answers.`);
    matches.push([pairId, value]);
  }
  return { matches: Object.fromEntries(matches) };
}

/**
 * Checks a learner's response against its question before it is stored or graded.
 * `null` is accepted as an unanswered question.
 */
export function validateResponse(question: Question, response: unknown): ResponseValidation {
  if (response === null) return { ok: true, response: null };
  const result = check(question, response);
  return failed(result) ? { ok: false, problem: result.problem } : { ok: true, response: result };
}

/**
 * Which parts of a commit the runtime keeps: only what SCORM lets the SCO write (and the LMS must
 * give back on resume or show trainers). What the LMS owns (learner id and name, credit, mode,
 * entry, launch data, mastery score, thresholds, total time) is never taken from a commit: the
 * launch builds it from the manifest and the database each time.
 *
 * scorm-again serializes CMI arrays (objectives, interactions, their correct responses) as objects
 * keyed "0", "1", …; both that and a real array are read, and arrays are stored.
 */

type Shape = 'string' | { [key: string]: Shape } | { list: Shape };

const list = (item: Shape): Shape => ({ list: item });
const S = 'string' as const;

const SCORE_12: Shape = { raw: S, min: S, max: S };
const SCORE_2004: Shape = { scaled: S, raw: S, min: S, max: S };

/** SCORM 1.2 (RTE 3.4): `cmi.core.*`, suspend data, comments, objectives, preferences, interactions. */
export const SCORM12_WRITABLE: Shape = {
  core: { lesson_location: S, lesson_status: S, exit: S, session_time: S, score: SCORE_12 },
  suspend_data: S,
  comments: S,
  objectives: list({ id: S, status: S, score: SCORE_12 }),
  student_preference: { audio: S, language: S, speed: S, text: S },
  interactions: list({
    id: S,
    time: S,
    type: S,
    weighting: S,
    student_response: S,
    result: S,
    latency: S,
    objectives: list({ id: S }),
    correct_responses: list({ pattern: S }),
  }),
};

/** SCORM 2004 (RTE 4.2): the learner-writable elements of `cmi`. */
export const SCORM2004_WRITABLE: Shape = {
  location: S,
  suspend_data: S,
  exit: S,
  session_time: S,
  completion_status: S,
  success_status: S,
  progress_measure: S,
  score: SCORE_2004,
  comments_from_learner: list({ comment: S, location: S, timestamp: S }),
  learner_preference: { audio_level: S, language: S, delivery_speed: S, audio_captioning: S },
  objectives: list({
    id: S,
    success_status: S,
    completion_status: S,
    progress_measure: S,
    description: S,
    score: SCORE_2004,
  }),
  interactions: list({
    id: S,
    type: S,
    timestamp: S,
    weighting: S,
    learner_response: S,
    result: S,
    latency: S,
    description: S,
    objectives: list({ id: S }),
    correct_responses: list({ pattern: S }),
  }),
};

// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL text (and jsonb) holds neither NUL nor half of a surrogate pair, which a SCO can put
 * in JavaScript strings; each becomes U+FFFD, and everything else is stored exactly as sent.
 */
const storable = (text: string) => text.replace(UNSTORABLE, '\uFFFD');

/** Most entries a CMI collection may hold here (SCORM requires LMSs to keep at least 100, 250 in 2004). */
const MAX_ENTRIES = 1000;

/**
 * The part of `value` that `shape` allows: strings (numbers and booleans written as text), nested
 * objects, and lists; empty strings and anything else are left out, so a stored CMI never holds a
 * key the data model does not have.
 */
export function pick(value: unknown, shape: Shape): unknown {
  if (shape === 'string') {
    if (typeof value === 'string') return value === '' ? undefined : storable(value);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if ('list' in shape) {
    const entries = Array.isArray(value)
      ? value
      : Object.keys(value)
          .filter((key) => /^\d+$/.test(key))
          .sort((a, b) => Number(a) - Number(b))
          .map((key) => (value as Record<string, unknown>)[key]);
    const items = entries
      .slice(0, MAX_ENTRIES)
      .map((entry) => pick(entry, shape.list))
      .filter((entry) => entry !== undefined);
    return items.length === 0 ? undefined : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const picked = pick((value as Record<string, unknown>)[key], inner);
    if (picked !== undefined) out[key] = picked;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

import type { ScoRecord } from '../sequencing/index.js';
import { pick, SCORM12_WRITABLE, SCORM2004_WRITABLE } from './cmi-fields.js';
import { parseTimespan } from './scorm-time.js';
import type { ScoRules } from './sco-rules.js';

type CompletionStatus = ScoRecord['completion'];
type SuccessStatus = ScoRecord['success'];

/**
 * What a commit body is, as scorm-again 3.4.3 sends it with `dataCommitFormat: 'json'` and
 * `includeCommitSequence: true` (read from its dist: BaseAPI.processHttpRequest and the
 * Scorm12API / Scorm2004API renderCommitCMI):
 *
 * - 1.2: `{ cmi: { suspend_data, launch_data, comments, comments_from_lms, core: { student_id,
 *   student_name, lesson_location, credit, lesson_status, entry, lesson_mode, exit, session_time,
 *   score: { raw, min, max }, total_time? }, objectives: {"0": {...}}, student_data, student_preference,
 *   interactions: {"0": {...}} }, commitSequence: n }`.
 * - 2004: `{ cmi: { completion_status, location, suspend_data, session_time, score: { scaled, raw,
 *   min, max }, objectives: {"0": {...}}, interactions, …, total_time? }, adl?: { data }, commitSequence: n }`.
 *
 * `commitSequence` sits at the top level, beside `cmi`; it counts from 1 for each API instance
 * (one per launch here), and an offline replay keeps its number. `total_time` is sent only on the
 * terminate commit, as what was loaded plus the wall-clock time since Initialize (not the SCO's
 * session_time). The terminate commit goes by navigator.sendBeacon with
 * `text/plain;charset=UTF-8` (`terminationCommitContentType`) to the commit URL plus
 * `?final=true` (`terminateCommitParam: 'final'`) whenever commits are synchronous, so its answer
 * is never read. Every other commit is a synchronous XHR with `application/json;charset=UTF-8`.
 */
export interface CommitBody {
  commitSequence: number;
  cmi: Record<string, unknown>;
}

/** What one applied commit writes to its attempt. */
export interface AttemptWrite {
  /** The learner-writable CMI the commit carried (see cmi-fields). */
  cmi: Record<string, unknown>;
  completion: CompletionStatus;
  success: SuccessStatus;
  scoreScaled: number | null;
  /** This session's time so far; total time = the session's base + this. */
  sessionSeconds: number;
  suspended: boolean;
  /** The final commit of a session that did not suspend: the attempt is over. */
  ended: boolean;
}

/** SCORM keeps suspend data up to 64,000 characters (2004 RTE 4.2.23, CMIString64000). */
export const SUSPEND_DATA_MAX = 64000;

/**
 * The error code a refused commit answers. The refusal comes back from LMSCommit / Commit, whose
 * only failure codes are 101 General Exception (1.2) and 391 General Commit Failure (2004):
 * 405/406 are SetValue's type mismatches, which scorm-again raises itself before ever committing
 * suspend data over 64,000 characters — so a commit carrying one was not sent by a SCO through it.
 */
export const commitFailureCode = (is2004: boolean) => (is2004 ? 391 : 101);

export type BodyProblem = string;

/** The body as JSON (sendBeacon posts it as text/plain), or why it is not a commit. */
export function readCommitBody(raw: unknown): CommitBody | BodyProblem {
  let body = raw;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    try {
      body = JSON.parse(raw.toString());
    } catch {
      return 'The body is not JSON.';
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return 'The body must be a JSON object.';
  const { commitSequence, cmi } = body as Record<string, unknown>;
  const sequence = typeof commitSequence === 'string' ? Number(commitSequence) : commitSequence;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) {
    return 'commitSequence must be a positive integer (scorm-again includeCommitSequence).';
  }
  if (cmi === null || typeof cmi !== 'object' || Array.isArray(cmi)) return 'cmi must be an object.';
  return { commitSequence: sequence, cmi: cmi as Record<string, unknown> };
}

const COMPLETIONS: readonly string[] = ['not attempted', 'incomplete', 'completed', 'unknown'];
const SUCCESSES: readonly string[] = ['passed', 'failed', 'unknown'];

const numberOf = (value: unknown): number | null => {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};
const clampScaled = (n: number) => Math.min(1, Math.max(-1, n));

/** scaled from raw between min and max; 1.2 scores without a range are percentages (RTE 3.4.2.2.4). */
function scaledFrom(raw: number | null, min: number | null, max: number | null): number | null {
  if (raw === null) return null;
  const low = min ?? 0;
  const high = max ?? 100;
  if (high <= low) return null;
  // Finite scores can still overflow (a range of ±1e308): NaN would break the attempt's CHECK.
  const scaled = (raw - low) / (high - low);
  return Number.isFinite(scaled) ? clampScaled(scaled) : null;
}

/**
 * Maps a commit to the attempt's stored state. `rules` are the SCO's manifest values; the SCO's
 * own statuses are overridden as SCORM asks the LMS to:
 * - 1.2: `lesson_status` passed/completed/failed → completed; incomplete/browsed → incomplete.
 *   With a `masteryscore` and a raw score, passed or failed is decided by raw ≥ mastery (RTE
 *   3.4.4, LMS behaviour for credit mode) once the SCO says it is done (completed, passed, failed)
 *   or the session ends; scaled = (raw − min) / (max − min), min 0 and max 100 when unset.
 * - 2004: with a completion threshold and a progress measure, completed iff measure ≥ threshold
 *   (RTE 4.2.4.1); with a scaled passing score and a scaled score, passed iff scaled ≥ passing
 *   (RTE 4.2.22). Otherwise the SCO's completion_status and success_status.
 */
export function attemptWrite(
  body: CommitBody,
  context: { is2004: boolean; rules: ScoRules; final: boolean; baseSeconds: number },
): AttemptWrite | { refused: 'suspend-data-too-long' } {
  const { is2004, rules, final } = context;
  const cmi = (pick(body.cmi, is2004 ? SCORM2004_WRITABLE : SCORM12_WRITABLE) ?? {}) as Record<
    string,
    unknown
  >;
  const suspendData = cmi.suspend_data;
  if (typeof suspendData === 'string' && suspendData.length > SUSPEND_DATA_MAX) {
    return { refused: 'suspend-data-too-long' };
  }
  const core = (is2004 ? cmi : (cmi.core ?? {})) as Record<string, unknown>;
  const score = (core.score ?? {}) as Record<string, string | undefined>;
  const raw = numberOf(score.raw);
  const min = numberOf(score.min);
  const max = numberOf(score.max);
  const exit = typeof core.exit === 'string' ? core.exit : '';

  let completion: CompletionStatus;
  let success: SuccessStatus;
  let scoreScaled: number | null;
  if (is2004) {
    const scaled = numberOf(score.scaled);
    scoreScaled =
      scaled === null
        ? raw !== null && max !== null
          ? scaledFrom(raw, min, max)
          : null
        : clampScaled(scaled);
    const measure = numberOf(cmi.progress_measure);
    const stated = String(cmi.completion_status ?? 'unknown');
    completion =
      rules.completionThreshold !== null && measure !== null
        ? measure >= rules.completionThreshold
          ? 'completed'
          : 'incomplete'
        : COMPLETIONS.includes(stated)
          ? (stated as CompletionStatus)
          : 'unknown';
    const statedSuccess = String(cmi.success_status ?? 'unknown');
    success =
      rules.scaledPassingScore !== null && scaled !== null
        ? scaled >= rules.scaledPassingScore
          ? 'passed'
          : 'failed'
        : SUCCESSES.includes(statedSuccess)
          ? (statedSuccess as SuccessStatus)
          : 'unknown';
  } else {
    scoreScaled = scaledFrom(raw, min, max);
    let status = String(core.lesson_status ?? 'not attempted');
    const done = status === 'completed' || status === 'passed' || status === 'failed';
    if (rules.masteryScore !== null && raw !== null && (done || final)) {
      status = raw >= rules.masteryScore ? 'passed' : 'failed';
    }
    completion =
      status === 'passed' || status === 'completed' || status === 'failed'
        ? 'completed'
        : status === 'incomplete' || status === 'browsed'
          ? 'incomplete'
          : 'not attempted';
    success = status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown';
    if (status !== core.lesson_status) cmi.core = { ...core, lesson_status: status };
  }

  const sessionSeconds = sessionSecondsOf(core, body.cmi, is2004, context.baseSeconds);
  const suspended = exit === 'suspend';
  return { cmi, completion, success, scoreScaled, sessionSeconds, suspended, ended: final && !suspended };
}

/**
 * The longest session kept: 1.2's CMITimespan limit (9999:59:59.99). A 2004 duration may name
 * centuries; summed over sessions and attempts such totals overflow the float8 that launches and
 * trainers' reports read them as, and no learner sits in one SCO for over a year.
 */
export const SESSION_SECONDS_MAX = 9999 * 3600 + 3599.99;

/**
 * The SCO's session_time; when it reports none (many never set it), the terminate commit's
 * total_time, which scorm-again computes as the loaded total (our base) plus the wall-clock time
 * since Initialize.
 */
function sessionSecondsOf(
  core: Record<string, unknown>,
  sent: Record<string, unknown>,
  is2004: boolean,
  baseSeconds: number,
): number {
  const reported = parseTimespan(core.session_time);
  if (reported !== null && reported > 0) return Math.min(reported, SESSION_SECONDS_MAX);
  const sentCore = (is2004 ? sent : sent.core) as Record<string, unknown> | undefined;
  const total = parseTimespan(sentCore?.total_time);
  if (total !== null && total > baseSeconds) return Math.min(total - baseSeconds, SESSION_SECONDS_MAX);
  return 0;
}

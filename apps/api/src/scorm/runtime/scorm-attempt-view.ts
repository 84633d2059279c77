import type { ScormAttemptView, ScormInteractionView } from './scorm-reports.dto.js';

export interface AttemptRow {
  id: string;
  scoId: string;
  number: number;
  suspended: boolean;
  startedAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  sessionCount: number;
  completion: ScormAttemptView['completion'];
  success: ScormAttemptView['success'];
  scoreScaled: number | null;
  totalSeconds: number;
  /** Without suspend_data, which is kept apart: only its length is read. */
  cmi: Record<string, unknown>;
  suspendDataLength: number;
}

type Stored = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** One attempt with its stored runtime data, 1.2 and 2004 element names read alike. */
export function attemptView(row: AttemptRow): ScormAttemptView {
  const cmi = row.cmi;
  const core = (cmi.core ?? cmi) as Stored;
  const score = (core.score ?? {}) as Stored;
  const interactions = Array.isArray(cmi.interactions) ? (cmi.interactions as Stored[]) : [];
  return {
    id: row.id,
    number: row.number,
    state: row.endedAt !== null ? 'ended' : row.suspended ? 'suspended' : 'open',
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    endedAt: row.endedAt === null ? null : row.endedAt.toISOString(),
    sessionCount: row.sessionCount,
    completion: row.completion,
    success: row.success,
    scoreScaled: row.scoreScaled,
    scoreRaw: num(score.raw),
    scoreMin: num(score.min),
    scoreMax: num(score.max),
    totalSeconds: row.totalSeconds,
    location: text(core.lesson_location ?? core.location),
    suspendDataLength: row.suspendDataLength,
    exit: text(core.exit),
    interactions: interactions.filter((i) => typeof i.id === 'string').map(interactionView),
  };
}

function interactionView(stored: Stored): ScormInteractionView {
  const correct = Array.isArray(stored.correct_responses) ? (stored.correct_responses as Stored[]) : [];
  return {
    id: stored.id as string,
    type: text(stored.type),
    description: text(stored.description),
    learnerResponse: text(stored.learner_response ?? stored.student_response),
    correctResponses: correct.map((c) => text(c.pattern)).filter((p): p is string => p !== null),
    result: text(stored.result),
    weighting: text(stored.weighting),
    latency: text(stored.latency),
    timestamp: text(stored.timestamp ?? stored.time),
  };
}

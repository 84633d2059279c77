import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityCompletion } from '../../learning/activity-completion.service.js';
import { evaluate, type ScoRecord, type TreeStatus } from '../sequencing/index.js';
import type { ScormPlan } from './frozen-scorms.service.js';
import { LATEST_ATTEMPTS } from './scorm-queries.js';

/** The latest attempt of one SCO, as LATEST_ATTEMPTS reads it. */
export interface LatestAttempt {
  scoId: string;
  number: number;
  completion: ScoRecord['completion'];
  success: ScoRecord['success'];
  scoreScaled: number | null;
  suspended: boolean;
  open: boolean;
  /** When the attempt last changed: of several suspended attempts, the latest is resumed. */
  updatedAt: Date | string;
  sessionId: string | null;
  sessionClosed: boolean;
  progressMeasure: string | null;
  objectives: unknown;
  attempts: number;
}

/** The sequencing engine's view of the learner's latest attempts (ScoRecord per SCO identifier). */
export function scoRecords(rows: readonly LatestAttempt[]): Map<string, ScoRecord> {
  return new Map(
    rows.map((row) => {
      const measure = row.progressMeasure === null ? null : Number(row.progressMeasure);
      return [
        row.scoId,
        {
          completion: row.completion,
          success: row.success,
          scoreScaled: row.scoreScaled,
          attemptCount: row.attempts,
          suspended: row.open && row.suspended,
          progressMeasure: measure !== null && Number.isFinite(measure) ? measure : null,
          active: row.open && !row.sessionClosed,
          objectives: objectivesOf(row.objectives),
        },
      ];
    }),
  );
}

/** `cmi.objectives` by id, as stored (1.2 `status`, 2004 `success_status`). */
function objectivesOf(stored: unknown): ScoRecord['objectives'] {
  if (!Array.isArray(stored)) return undefined;
  const out: NonNullable<ScoRecord['objectives']> = {};
  for (const objective of stored as Record<string, unknown>[]) {
    if (typeof objective.id !== 'string') continue;
    const status = String(objective.success_status ?? objective.status ?? '');
    const score = (objective.score ?? {}) as Record<string, string | undefined>;
    const scaled = score.scaled === undefined ? NaN : Number(score.scaled);
    out[objective.id] = {
      success: status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown',
      scoreScaled: Number.isFinite(scaled) ? scaled : null,
    };
  }
  return out;
}

/**
 * The SCO to resume: of the SCOs whose latest attempt is suspended, the one left most recently
 * (SCOs often set exit=suspend in their unload handler, so moving on with Next leaves each one
 * suspended; resumeAll means the one the learner was in last), among the SCOs of the package being
 * played (a replaced package may have dropped one suspended before).
 */
export function suspendedSco(plan: ScormPlan, rows: readonly LatestAttempt[]): string | null {
  let latest: LatestAttempt | null = null;
  for (const row of rows) {
    if (!row.open || !row.suspended || !plan.rules.has(row.scoId)) continue;
    if (!latest || new Date(row.updatedAt).getTime() > new Date(latest.updatedAt).getTime()) latest = row;
  }
  return latest?.scoId ?? null;
}

/** The activity is done when the organization rolls up completed and not failed (ADR 0016). */
export const organizationDone = (tree: TreeStatus): boolean =>
  tree.root.completion === 'completed' && tree.root.success !== 'failed';

/**
 * Turns a learner's SCO attempts into course progress: evaluates the organization with the
 * sequencing engine over the latest attempt of each SCO, and completes the activity (through the
 * learning module, which completes the course too) when the organization is done.
 */
@Injectable()
export class ScormProgress {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: ActivityCompletion,
  ) {}

  latest(enrolmentId: string, activityId: string): Promise<LatestAttempt[]> {
    return this.db.query(LATEST_ATTEMPTS, [enrolmentId, activityId]) as Promise<LatestAttempt[]>;
  }

  /** The learner's tree; `enrolmentId` seeds a test bank's selection, the same one navigation uses. */
  evaluate(plan: ScormPlan, rows: readonly LatestAttempt[], enrolmentId: string): TreeStatus {
    return evaluate(plan.frozen.organization, plan.frozen.scormVersion, scoRecords(rows), {
      seed: enrolmentId,
    });
  }

  /** Completes the activity when the tree says it is done; answers whether it is completed now. */
  async completeIfDone(enrolmentId: string, activityId: string, tree: TreeStatus): Promise<boolean> {
    if (!organizationDone(tree)) return false;
    const completed = await this.db.transaction((tx) =>
      this.completion.completeActivity(tx, enrolmentId, activityId, new Date()),
    );
    await this.completion.announce(completed);
    return true;
  }

  /** Reads the attempts, evaluates and completes: what a commit that changed a status runs. */
  async settle(plan: ScormPlan, enrolmentId: string): Promise<boolean> {
    const rows = await this.latest(enrolmentId, plan.activityId);
    return this.completeIfDone(enrolmentId, plan.activityId, this.evaluate(plan, rows, enrolmentId));
  }
}

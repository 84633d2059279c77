import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { PublishedVersionsService } from '../../courses/published-versions.service.js';
import { ActivityCompletion, type LearnerEnrolment } from '../../learning/activity-completion.service.js';
import { navigate, type NavOutcome, type TreeStatus } from '../sequencing/index.js';
import { FrozenScorms, type ScormPlan } from './frozen-scorms.service.js';
import { launchCmi } from './launch-cmi.js';
import { ScormCommits } from './scorm-commits.service.js';
import type {
  ScormLaunch,
  ScormNavigationRequest,
  ScormNavigationResult,
  ScormPlayerView,
} from './scorm-player.dto.js';
import { scoRecords, ScormProgress, suspendedSco, type LatestAttempt } from './scorm-progress.service.js';
import {
  ACTIVITY_PROGRESS,
  END_ATTEMPT,
  LATEST_ATTEMPT_FOR_LAUNCH,
  RESUME_ATTEMPT,
  SESSION_CLOSED,
  START_ATTEMPT,
} from './scorm-queries.js';
import { controlsOfPlan, tocOf } from './scorm-toc.js';

interface Context {
  enrolment: LearnerEnrolment;
  plan: ScormPlan;
}

/** How long navigation waits for the left session's final commit, which travels by sendBeacon. */
const CLOSE_WAIT_MS = 2000;
const CLOSE_POLL_MS = 250;

const REFUSALS: Record<string, string> = {
  'choice-not-allowed': 'This package does not let you choose items from its table of contents here.',
  'no-next': 'There is nothing after this item.',
  'no-previous': 'There is nothing before this item.',
  disabled: 'This item is not available yet.',
  hidden: 'This item cannot be chosen.',
  'forward-only': 'This package only goes forward.',
  'unknown-target': 'The package has no such item.',
  'not-launchable': 'This item only groups others; choose one of them.',
  'flow-not-allowed': 'This package does not let you move with previous and next here.',
  'nothing-deliverable': 'Nothing in this package can be opened now.',
};

const notFound = (activityId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `You are not enrolled in a course with a SCORM activity ${activityId}.`,
  });

/**
 * A learner playing a scorm activity of their course version: the player view (table of contents
 * with statuses, controls, what to resume), navigation through the sequencing engine, and
 * launching a SCO (a new or resumed attempt, each launch a new session).
 */
@Injectable()
export class ScormPlayer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly learning: ActivityCompletion,
    private readonly versions: PublishedVersionsService,
    private readonly scorms: FrozenScorms,
    private readonly progress: ScormProgress,
    private readonly commits: ScormCommits,
  ) {}

  async view(slug: string, activityId: string, auth: AuthContext): Promise<ScormPlayerView> {
    const context = await this.context(slug, activityId, auth);
    const rows = await this.progress.latest(context.enrolment.enrolmentId, activityId);
    return this.playerView(
      context,
      rows,
      this.progress.evaluate(context.plan, rows, context.enrolment.enrolmentId),
    );
  }

  async navigate(
    slug: string,
    activityId: string,
    input: ScormNavigationRequest,
    auth: AuthContext,
  ): Promise<ScormNavigationResult> {
    const context = await this.context(slug, activityId, auth);
    const { enrolment, plan } = context;
    const current = input.fromSessionId ? await this.leave(input.fromSessionId, enrolment.enrolmentId) : null;
    let rows = await this.progress.latest(enrolment.enrolmentId, activityId);
    const tree = this.progress.evaluate(plan, rows, enrolment.enrolmentId);
    const suspended = suspendedSco(plan, rows);
    const request =
      input.request === 'start' && suspended !== null
        ? { request: 'resumeAll' as const }
        : { request: input.request, target: input.target };
    const outcome: NavOutcome = navigate(
      plan.frozen.organization,
      plan.frozen.scormVersion,
      scoRecords(rows),
      current,
      request,
      suspended,
      { seed: enrolment.enrolmentId },
    );
    if ('refused' in outcome) {
      throw new ProblemException({
        status: 409,
        type: ProblemType.Conflict,
        detail: REFUSALS[outcome.refused] ?? 'Sequencing refused this request.',
        extensions: { reason: outcome.refused },
      });
    }
    if ('end' in outcome) {
      return { delivery: null, ended: true, player: await this.playerView(context, rows, tree) };
    }
    const delivery = await this.launch(context, outcome.deliver, auth);
    rows = await this.progress.latest(enrolment.enrolmentId, activityId);
    return {
      delivery,
      ended: false,
      player: await this.playerView(context, rows, this.progress.evaluate(plan, rows, enrolment.enrolmentId)),
    };
  }

  /** Opens a session on the SCO: its suspended attempt resumed, else a new attempt. */
  private async launch(context: Context, scoId: string, auth: AuthContext): Promise<ScormLaunch> {
    const { enrolment, plan } = context;
    const item = plan.items.get(scoId);
    const rules = plan.rules.get(scoId);
    if (!item || !rules || item.launchUrl === null || item.scormType === null) {
      throw new Error(`sequencing delivered ${scoId}, which ${plan.activityId} cannot launch`);
    }
    const asset = item.scormType === 'asset';
    const sessionId = randomUUID();
    for (let round = 1; ; round++) {
      try {
        const launched = await this.db.transaction(async (tx) => {
          const [latest] = (await tx.query(LATEST_ATTEMPT_FOR_LAUNCH, [
            enrolment.enrolmentId,
            plan.activityId,
            scoId,
          ])) as {
            id: string;
            number: number;
            open: boolean;
            suspended: boolean;
            cmi: Record<string, unknown>;
            suspendData: string | null;
            totalSeconds: number;
            sessionId: string | null;
          }[];
          // The session it had is over: its page (another tab, say) may no longer write.
          if (latest?.sessionId) this.commits.forget(latest.sessionId);
          if (latest?.open && latest.suspended && !asset) {
            await tx.query(RESUME_ATTEMPT, [latest.id, sessionId, plan.frozen.packageId]);
            return {
              attemptId: latest.id,
              number: latest.number,
              entry: 'resume' as const,
              stored: { ...latest.cmi, suspend_data: latest.suspendData ?? undefined },
              totalSeconds: latest.totalSeconds,
            };
          }
          // An attempt left without suspending (its final commit never came) is over: SCORM resumes
          // only what the SCO suspended.
          if (latest?.open) await tx.query(END_ATTEMPT, [latest.id]);
          const number = (latest?.number ?? 0) + 1;
          const [row] = (await tx.query(`${START_ATTEMPT} RETURNING id`, [
            enrolment.enrolmentId,
            plan.activityId,
            scoId,
            number,
            plan.frozen.packageId,
            sessionId,
            asset,
          ])) as { id: string }[];
          return { attemptId: row!.id, number, entry: 'ab-initio' as const, stored: {}, totalSeconds: 0 };
        });
        this.commits.remember(sessionId, {
          attemptId: launched.attemptId,
          enrolmentId: enrolment.enrolmentId,
          userId: auth.userId,
          activityId: plan.activityId,
          versionId: plan.versionId,
          scoId,
          baseSeconds: launched.totalSeconds,
        });
        if (asset) await this.progress.settle(plan, enrolment.enrolmentId);
        return {
          sessionId,
          scoId,
          attemptNumber: launched.number,
          entry: launched.entry,
          launchUrl: launchUrlOf(plan.frozen.packageId, item.launchUrl),
          scormType: item.scormType,
          commitUrl: `/api/scorm/sessions/${sessionId}/commits`,
          cmi: launchCmi(plan.is2004, { id: auth.userId, name: auth.displayName }, rules, launched),
          settings: { masteryOverride: false },
          hideLmsUi: item.hideLmsUi ?? [],
        };
      } catch (error) {
        // Another launch of the same SCO by the same learner won the race for the attempt number.
        if ((error as { code?: string }).code === '23505' && round < 3) continue;
        throw error;
      }
    }
  }

  /**
   * The SCO of the session being left, once its final commit has arrived (or CLOSE_WAIT_MS have
   * passed: a SCO that never terminates must not hold the learner up for longer).
   */
  private async leave(sessionId: string, enrolmentId: string): Promise<string | null> {
    const deadline = Date.now() + CLOSE_WAIT_MS;
    for (;;) {
      const [row] = (await this.db.query(SESSION_CLOSED, [sessionId, enrolmentId])) as {
        closed: boolean;
        scoId: string;
      }[];
      if (!row) return null;
      const left = deadline - Date.now();
      if (row.closed || left <= 0) return row.scoId;
      await this.commits.waitForClose(sessionId, Math.min(left, CLOSE_POLL_MS));
    }
  }

  private async playerView(
    context: Context,
    rows: LatestAttempt[],
    tree: TreeStatus,
  ): Promise<ScormPlayerView> {
    const { enrolment, plan } = context;
    const [progress] = (await this.db.query(ACTIVITY_PROGRESS, [enrolment.enrolmentId, plan.activityId])) as {
      status: 'started' | 'completed';
    }[];
    let completed = progress?.status === 'completed';
    if (!completed)
      completed = await this.progress.completeIfDone(enrolment.enrolmentId, plan.activityId, tree);
    if (completed) this.commits.markCompleted(enrolment.enrolmentId, plan.activityId);
    const outline = await this.versions.outline(enrolment.versionId);
    const at = outline.positions.get(plan.activityId);
    return {
      activityId: plan.activityId,
      title: at === undefined ? plan.frozen.title : outline.sequence[at]!.activity.title,
      scormVersion: plan.frozen.scormVersion,
      packageId: plan.frozen.packageId,
      tree: tocOf(plan.frozen.organization.items, tree),
      controls: controlsOfPlan(plan),
      resumeScoId: suspendedSco(plan, rows),
      activityStatus: completed ? 'completed' : progress || rows.length > 0 ? 'started' : 'not-started',
    };
  }

  private async context(slug: string, activityId: string, auth: AuthContext): Promise<Context> {
    const enrolment = await this.learning.learnerEnrolment(auth.userId, slug);
    if (!enrolment) throw notFound(activityId);
    const plan = await this.scorms.get(enrolment.versionId, activityId);
    if (!plan) throw notFound(activityId);
    return { enrolment, plan };
  }
}

/** Package files are served by the packages module's file route; web addresses stay as written. */
function launchUrlOf(packageId: string, launchUrl: string): string {
  if (/^https?:\/\//i.test(launchUrl)) return launchUrl;
  return `/api/scorm/packages/${packageId}/files/${launchUrl}`;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { PublishedVersionsService } from '../../courses/published-versions.service.js';
import { ActivityCompletion, type LearnerEnrolment } from '../../learning/activity-completion.service.js';
import { navigate, type NavOutcome, type TreeStatus } from '../sequencing/index.js';
import { FrozenScorms, type ScormPlan } from './frozen-scorms.service.js';
import { ScormCommits } from './scorm-commits.service.js';
import type { ScormNavigationRequest, ScormNavigationResult, ScormPlayerView } from './scorm-player.dto.js';
import { scoRecords, ScormProgress, suspendedSco, type LatestAttempt } from './scorm-progress.service.js';
import { SESSION_CLOSED } from './scorm-queries.js';
import { ScormLauncher } from './scorm-launcher.service.js';
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
 * with statuses, controls, what to resume) and navigation through the sequencing engine, which
 * hands the SCO to deliver to the launcher.
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
    private readonly launcher: ScormLauncher,
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
    const current = input.fromSessionId
      ? await this.leave(input.fromSessionId, enrolment.enrolmentId, activityId)
      : null;
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
    const delivery = await this.launcher.launch(enrolment, plan, outcome.deliver, auth);
    rows = await this.progress.latest(enrolment.enrolmentId, activityId);
    return {
      delivery,
      ended: false,
      player: await this.playerView(context, rows, this.progress.evaluate(plan, rows, enrolment.enrolmentId)),
    };
  }

  /**
   * The SCO of the session being left, once its final commit has arrived (or CLOSE_WAIT_MS have
   * passed: a SCO that never terminates must not hold the learner up for longer).
   */
  private async leave(sessionId: string, enrolmentId: string, activityId: string): Promise<string | null> {
    const deadline = Date.now() + CLOSE_WAIT_MS;
    for (;;) {
      const [row] = (await this.db.query(SESSION_CLOSED, [sessionId, enrolmentId, activityId])) as {
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
    const progress = await this.learning.activityStatus(enrolment.enrolmentId, plan.activityId);
    let completed = progress === 'completed';
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
      activityStatus: completed
        ? 'completed'
        : progress !== null || rows.length > 0
          ? 'started'
          : 'not-started',
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import type { LearnerEnrolment } from '../../learning/activity-completion.service.js';
import type { ScormPlan } from './frozen-scorms.service.js';
import { launchCmi } from './launch-cmi.js';
import { ScormCommits } from './scorm-commits.service.js';
import type { ScormLaunch } from './scorm-player.dto.js';
import { ScormProgress } from './scorm-progress.service.js';
import { END_ATTEMPT, LATEST_ATTEMPT_FOR_LAUNCH, RESUME_ATTEMPT, START_ATTEMPT } from './scorm-queries.js';

/**
 * Launching a SCO the sequencing engine delivered: its suspended attempt resumed (entry resume,
 * location and suspend data given back), else a new attempt (ab-initio); every launch opens a new
 * session, whose facts the commit endpoint then knows without reading them.
 */
@Injectable()
export class ScormLauncher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly progress: ScormProgress,
    private readonly commits: ScormCommits,
  ) {}

  /** Opens a session on the SCO: its suspended attempt resumed, else a new attempt. */
  async launch(
    enrolment: LearnerEnrolment,
    plan: ScormPlan,
    scoId: string,
    auth: AuthContext,
  ): Promise<ScormLaunch> {
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
}

/** Package files are served by the packages module's file route; web addresses stay as written. */
function launchUrlOf(packageId: string, launchUrl: string): string {
  if (/^https?:\/\//i.test(launchUrl)) return launchUrl;
  return `/api/scorm/packages/${packageId}/files/${launchUrl}`;
}

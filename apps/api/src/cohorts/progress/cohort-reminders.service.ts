import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { MailService, type OutgoingMail } from '../../notifications/mail.service.js';
import { mailPhrase, renderMail } from '../../notifications/mail-templates.js';
import type { Cohort } from '../cohort.entity.js';
import { cohortClosed } from '../cohort-problems.js';
import { CohortsService } from '../cohorts.service.js';
import { CohortProgressService } from './cohort-progress.service.js';
import type { ReminderPreview, ReminderRequest, ReminderResult } from './cohort-progress.dto.js';
import { behindReason, type CohortFacts, type Standing } from './learner-standing.js';
import { progressText } from './progress-strings.js';

const PREVIEW_RECIPIENTS = 50;
/** A learner reminded this recently (by anyone, for this cohort) is not reminded again. */
const QUIET_HOURS = 24;

/**
 * Reminding a cohort's learners by e-mail: those who have not started, those behind, or chosen
 * ones. Each learner's mail is in their own language and says where they stand; the trainer's
 * optional message is quoted as plain text (the mail renderer escapes it in the HTML part).
 * Closed cohorts are read-only, reminders included; deactivated accounts are never mailed.
 */
@Injectable()
export class CohortRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly progress: CohortProgressService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(cohortId: string, input: ReminderRequest, auth: AuthContext): Promise<ReminderPreview> {
    const { cohort, facts, recipients, recentlyReminded } = await this.recipients(cohortId, input, auth);
    const sample = recipients[0];
    const rendered = renderMail(
      this.mailFor(cohort, facts, sample, input.message, auth, auth.preferredLanguage),
    );
    return {
      recipientCount: recipients.length,
      recipients: recipients.slice(0, PREVIEW_RECIPIENTS).map(({ member }) => ({
        userId: member.userId,
        displayName: member.displayName,
        email: member.email,
      })),
      recentlyReminded,
      subject: rendered.subject,
      text: rendered.text,
    };
  }

  async send(
    cohortId: string,
    input: ReminderRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ReminderResult> {
    const { cohort, facts, recipients, recentlyReminded } = await this.recipients(cohortId, input, auth);
    // Stored a few hundred per statement, outside a transaction: with SMTP each delivery waits
    // for the server, and a transaction held across hundreds of them would hold its connection.
    await this.mail.sendMany(
      recipients.map((recipient) =>
        this.mailFor(cohort, facts, recipient, input.message, auth, recipient.member.language),
      ),
    );
    if (recipients.length > 0) {
      await this.db.query(
        `INSERT INTO cohort_reminder (cohort_id, user_id)
         SELECT $1, unnest($2::uuid[])
         ON CONFLICT (cohort_id, user_id) DO UPDATE SET sent_at = now()`,
        [cohort.id, recipients.map((recipient) => recipient.member.userId)],
      );
      await this.audit.record({
        action: 'cohort.reminded',
        actor: { id: auth.userId, email: auth.email },
        target: { type: 'cohort', id: cohort.id },
        institutionId: cohort.institutionId,
        client,
        details: {
          audience: input.audience,
          recipients: recipients.length,
          skippedRecentlyReminded: recentlyReminded,
          withMessage: Boolean(input.message),
        },
      });
    }
    return { sent: recipients.length, recentlyReminded };
  }

  private async recipients(
    cohortId: string,
    input: ReminderRequest,
    auth: AuthContext,
  ): Promise<{ cohort: Cohort; facts: CohortFacts; recipients: Standing[]; recentlyReminded: number }> {
    const cohort = await this.cohorts.getForStaff(cohortId, auth, 'read');
    if (cohort.closedAt) throw cohortClosed(cohort);
    const { facts, standings } = await this.progress.standings(cohort);
    if (input.audience === 'selected') {
      const members = new Set(standings.map((s) => s.member.userId));
      const strangers = (input.userIds ?? []).flatMap((id, i) => (members.has(id) ? [] : [{ id, i }]));
      if (strangers.length > 0) {
        throw new ProblemException({
          status: 422,
          type: ProblemType.ValidationFailed,
          detail: `${strangers.length} of the chosen people are not members of the cohort "${cohort.name}".`,
          errors: strangers.map(({ id, i }) => ({
            field: `userIds[${i}]`,
            message: `${id} is not a member of this cohort`,
            in: 'body' as const,
          })),
          extensions: { code: 'not-members' },
        });
      }
    }
    const chosen = new Set(input.userIds ?? []);
    const audience = standings.filter(
      (s) =>
        s.member.active &&
        (input.audience === 'not_started'
          ? s.status === 'not_started'
          : input.audience === 'behind'
            ? s.behind !== null
            : chosen.has(s.member.userId)),
    );
    const recent = (await this.db.query(
      `SELECT user_id FROM cohort_reminder
        WHERE cohort_id = $1 AND sent_at > now() - make_interval(hours => $2)`,
      [cohort.id, QUIET_HOURS],
    )) as { user_id: string }[];
    const quiet = new Set(recent.map((row) => row.user_id));
    const recipients = audience.filter((s) => !quiet.has(s.member.userId));
    return { cohort, facts, recipients, recentlyReminded: audience.length - recipients.length };
  }

  /** The reminder for one learner (or a sample learner, for a preview with nobody to remind), in `language`. */
  private mailFor(
    cohort: Cohort,
    facts: CohortFacts,
    recipient: Standing | undefined,
    message: string | undefined,
    auth: AuthContext,
    language: string,
  ): OutgoingMail {
    return {
      to: recipient?.member.email ?? '',
      template: 'reminder',
      language,
      params: {
        name: recipient?.member.displayName ?? progressText(language, 'sampleName'),
        sender: auth.displayName,
        cohort: cohort.name,
        courses: facts.courses.map((course) => course.title).join(', '),
        situation: recipient
          ? situation(recipient, language)
          : progressText(language, 'situation.notStarted'),
        message: message ? mailPhrase(language, 'reminder.messagePrefix', { text: message }) : '',
      },
      actionUrl: `${this.config.PUBLIC_URL}/learning`,
    };
  }
}

function situation(standing: Standing, language: string): string {
  if (standing.behind) return behindReason(standing.behind, language)!;
  if (standing.status === 'completed') return progressText(language, 'situation.completed');
  if (standing.status === 'not_started') return progressText(language, 'situation.notStarted');
  return progressText(language, 'situation.inProgress', { percent: standing.progressPercent });
}

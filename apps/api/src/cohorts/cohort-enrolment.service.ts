import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { ClientInfo } from '../auth/auth-context.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { CohortEnrolmentsService } from '../learning/cohort-enrolments.service.js';
import { MailService, type OutgoingMail } from '../notifications/mail.service.js';
import { MembersService } from '../users/members.service.js';
import { cohortNotFound } from './cohort-problems.js';
import { coursesByIds, institutionName, peopleByEmails } from './cohort-sources.query.js';
import type { CohortMemberSource } from './cohort-member.entity.js';
import { Cohort } from './cohort.entity.js';
import type { InviteeReporting } from './cohort-invitee.entity.js';
import { CohortsService } from './cohorts.service.js';
import { serverLanguage } from '../common/i18n/server-languages.js';

/** Someone to put in a cohort: by e-mail, with what the institution knows about them. */
export interface PersonToEnrol {
  email: string;
  givenName?: string | null;
  familyName?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  /** Language of the invitation (and of the new account): en, es or fr. */
  language?: string | null;
  /** Only with the person's consent, which the institution attests. */
  reporting?: InviteeReporting | null;
}

/** Who is doing it, for the audit log and the invitation e-mail ("X has invited you"). */
export interface AuditActor {
  /** Null (or empty) when the account that started the work no longer exists. */
  id: string | null;
  email: string;
  displayName: string;
  client?: ClientInfo;
}

export type EnrolOutcome = 'enrolled' | 'invited' | 'already_member' | 'already_invited';

export interface EnrolPeopleResult {
  cohortId: string;
  counts: { enrolled: number; invited: number; alreadyMember: number; alreadyInvited: number };
  /** One per distinct e-mail (lower-cased), in the order given. */
  outcomes: { email: string; outcome: EnrolOutcome; userId: string | null; invitationId: string | null }[];
  /** Sent by `sendAfterCommit`, once the transaction that enrolled them has committed. */
  mails: PendingMail[];
}

export type PendingMail =
  | {
      kind: 'invitation';
      to: string;
      language: string;
      name: string;
      token: string;
      expiresAt: Date;
      inviter: string;
      institution: string;
    }
  | {
      kind: 'enrolled';
      to: string;
      language: string;
      name: string;
      cohort: string;
      courses: string[];
      institution: string;
    };

const clean = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Puts people into a cohort, for one person added by hand or for a whole imported file, in the
 * caller's transaction and in a fixed number of statements whatever the number of people:
 * - someone with an account becomes a learner of the institution (unless they hold a role there),
 *   a member of the cohort, and is enrolled in every course of the cohort;
 * - someone without one is invited (as a learner, in their language) and remembered as an invitee
 *   with the facts given for them; accepting the invitation makes them a member (CohortInvitationHook).
 * Doing it again changes nothing. Mails are returned, to be sent once the transaction committed.
 */
@Injectable()
export class CohortEnrolmentService {
  private readonly logger = new Logger(CohortEnrolmentService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cohorts: CohortsService,
    private readonly enrolments: CohortEnrolmentsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  async enrolPeople(
    cohortId: string,
    people: readonly PersonToEnrol[],
    actor: AuditActor,
    tx: EntityManager,
    options: { source?: Extract<CohortMemberSource, 'manual' | 'import'>; defaultLanguage?: string } = {},
  ): Promise<EnrolPeopleResult> {
    const source = options.source ?? 'import';
    const actorId = actor.id || null;
    // Shares the row with other enrolments but waits for a close (which locks it for update).
    const cohort = await tx
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .where('c.id = :cohortId', { cohortId })
      .setLock('pessimistic_read')
      .getOne();
    if (!cohort) throw cohortNotFound(cohortId);
    this.cohorts.assertOpenForEnrolment(cohort);

    const byEmail = new Map<string, PersonToEnrol>();
    for (const person of people) {
      const email = person.email.trim().toLowerCase();
      if (!byEmail.has(email)) byEmail.set(email, { ...person, email });
    }
    const emails = [...byEmail.keys()];
    const [courseIds, institution, accounts] = await Promise.all([
      this.cohorts.courseIdsOf(cohortId, tx),
      institutionName(tx, cohort.institutionId),
      peopleByEmails(tx, emails),
    ]);
    const courseTitles = (await coursesByIds(tx, courseIds)).map((course) => course.title);
    const accountByEmail = new Map(accounts.map((account) => [account.email.toLowerCase(), account]));
    const outcomes = new Map<string, EnrolPeopleResult['outcomes'][number]>();
    const mails: PendingMail[] = [];
    const audit: AuditEntry[] = [];
    const entry = (action: string, target: { type: string; id: string }, details: Record<string, unknown>) =>
      audit.push({
        action,
        actor: { id: actorId, email: actor.email },
        target,
        institutionId: cohort.institutionId,
        client: actor.client,
        details: { cohortId, ...details },
      });

    // People with an account.
    const userIds = accounts.map((account) => account.id);
    await this.members.addLearnersWhereMissing(userIds, cohort.institutionId, tx);
    const added = new Set(
      (
        (await tx.query(
          `INSERT INTO cohort_member (cohort_id, user_id, source, added_by)
           SELECT $1, unnest($2::uuid[]), $3, $4
           ON CONFLICT (cohort_id, user_id) DO NOTHING RETURNING user_id AS "userId"`,
          [cohortId, userIds, source, actorId],
        )) as { userId: string }[]
      ).map((row) => row.userId),
    );
    if (accounts.length > 0) {
      // Invited before they had an account, and have one now: their member row replaces the invitee.
      await tx.query(
        `DELETE FROM cohort_invitee x USING invitation v
          WHERE x.cohort_id = $1 AND v.id = x.invitation_id AND lower(v.email) = ANY($2::text[])`,
        [cohortId, accounts.map((account) => account.email.toLowerCase())],
      );
    }
    // Also those already members: a course they lack (added while they were away) is filled in.
    await this.enrolments.enrol(userIds, courseIds, tx);
    for (const account of accounts) {
      const email = account.email.toLowerCase();
      const isNew = added.has(account.id);
      outcomes.set(email, {
        email,
        outcome: isNew ? 'enrolled' : 'already_member',
        userId: account.id,
        invitationId: null,
      });
      if (!isNew) continue;
      entry('cohort_member.added', { type: 'user', id: account.id }, { source, courseIds });
      mails.push({
        kind: 'enrolled',
        to: account.email,
        language: serverLanguage(account.preferredLanguage),
        name: account.displayName,
        cohort: cohort.name,
        courses: courseTitles,
        institution: institution ?? '',
      });
    }

    // People without one: invited, remembered as invitees.
    const strangers = emails
      .filter((email) => !accountByEmail.has(email))
      .map((email) => byEmail.get(email)!);
    const fallback = serverLanguage(options.defaultLanguage);
    const invitations = await this.invitations.openLearnerInvitations(
      strangers.map((person) => ({
        email: person.email,
        language: serverLanguage(person.language, fallback),
      })),
      cohort.institutionId,
      actorId,
      tx,
    );
    const rows = strangers.map((person) => {
      const given = clean(person.givenName);
      const displayName = [given, clean(person.familyName)].filter(Boolean).join(' ').slice(0, 200) || null;
      return { person, given, displayName, invitation: invitations.get(person.email)! };
    });
    const invited = new Set(
      (
        (await tx.query(
          `INSERT INTO cohort_invitee (cohort_id, invitation_id, display_name, country, department, job_title, reporting, added_by, source)
           SELECT $1, row.invitation_id, row.display_name, row.country, row.department, row.job_title, row.reporting::jsonb, $8, $9
             FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                  AS row (invitation_id, display_name, country, department, job_title, reporting)
           ON CONFLICT (cohort_id, invitation_id) DO NOTHING RETURNING invitation_id AS "invitationId"`,
          [
            cohortId,
            rows.map((row) => row.invitation.invitationId),
            rows.map((row) => row.displayName),
            rows.map((row) => clean(row.person.country)?.toUpperCase() ?? null),
            // The account's limits, which B's import checks row by row; a longer value would fail here.
            rows.map((row) => clean(row.person.department)?.slice(0, 200) ?? null),
            rows.map((row) => clean(row.person.jobTitle)?.slice(0, 200) ?? null),
            rows.map((row) => (row.person.reporting ? JSON.stringify(row.person.reporting) : null)),
            actorId,
            source,
          ],
        )) as { invitationId: string }[]
      ).map((row) => row.invitationId),
    );
    for (const { person, given, invitation } of rows) {
      const isNew = invited.has(invitation.invitationId);
      outcomes.set(person.email, {
        email: person.email,
        outcome: isNew ? 'invited' : 'already_invited',
        userId: null,
        invitationId: invitation.invitationId,
      });
      if (isNew) {
        entry(
          'cohort_member.added',
          { type: 'invitation', id: invitation.invitationId },
          { source, invited: true, newInvitation: invitation.created },
        );
      }
      if (invitation.token) {
        mails.push({
          kind: 'invitation',
          to: person.email,
          language: serverLanguage(person.language, fallback),
          name: given ?? person.email.split('@')[0] ?? person.email,
          token: invitation.token,
          expiresAt: invitation.expiresAt,
          inviter: actor.displayName,
          institution: institution ?? '',
        });
      }
    }
    await this.audit.recordMany(audit, tx);

    const ordered = emails.map((email) => outcomes.get(email)!);
    const count = (outcome: EnrolOutcome) => ordered.filter((row) => row.outcome === outcome).length;
    return {
      cohortId,
      counts: {
        enrolled: count('enrolled'),
        invited: count('invited'),
        alreadyMember: count('already_member'),
        alreadyInvited: count('already_invited'),
      },
      outcomes: ordered,
      mails,
    };
  }

  /**
   * Sends the mails of a committed enrolment: invitations with their links, and "you have been
   * enrolled" to people who already had an account, each in its reader's language, stored in the
   * outbox a few hundred at a time. A failure is logged: the enrolment itself has committed.
   */
  async sendAfterCommit(result: Pick<EnrolPeopleResult, 'mails'>): Promise<void> {
    const outgoing = result.mails.map((mail): OutgoingMail =>
      mail.kind === 'invitation'
        ? this.invitations.invitationMail({
            to: mail.to,
            token: mail.token,
            language: mail.language,
            name: mail.name,
            inviter: mail.inviter,
            institution: mail.institution,
            role: InstitutionRole.Learner,
            expiresAt: mail.expiresAt,
          })
        : {
            to: mail.to,
            template: 'cohortEnrolled',
            language: mail.language,
            params: {
              name: mail.name,
              cohort: mail.cohort,
              institution: mail.institution,
              courses: mail.courses.join(', '),
            },
            actionUrl: `${this.config.PUBLIC_URL}/learning`,
          },
    );
    try {
      await this.mail.sendMany(outgoing);
    } catch (error) {
      this.logger.error(`Could not store the mails of a cohort enrolment: ${String(error)}`);
    }
  }
}

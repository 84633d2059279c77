import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { AuditService } from '../audit/audit.service.js';
import {
  InvitationAcceptanceHooks,
  type AcceptedInvitation,
  type InvitationAcceptanceHook,
} from '../invitations/invitation-acceptance-hooks.js';
import { CohortEnrolmentsService } from '../learning/cohort-enrolments.service.js';
import { ReportingProfileService } from '../profile/reporting-profile.service.js';
import type { CohortInvitee } from './cohort-invitee.entity.js';

type InviteeRow = Pick<
  CohortInvitee,
  'cohortId' | 'country' | 'department' | 'jobTitle' | 'reporting' | 'addedBy'
> & {
  closed: boolean;
};

/**
 * When someone accepts an invitation that brought them into cohorts, they become members of the
 * cohorts still open and are enrolled in their courses, in the acceptance's transaction. A new
 * account takes the facts the institution gave for them (country, department, job title, and
 * reporting answers it attested consent for).
 */
@Injectable()
export class CohortInvitationHook implements InvitationAcceptanceHook, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hooks: InvitationAcceptanceHooks,
    private readonly enrolments: CohortEnrolmentsService,
    private readonly accounts: AccountUpdatesService,
    private readonly reporting: ReportingProfileService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onAccepted(accepted: AcceptedInvitation, tx: EntityManager): Promise<void> {
    const rows = (await tx.query(
      `DELETE FROM cohort_invitee x USING cohort c
        WHERE x.invitation_id = $1 AND c.id = x.cohort_id
        RETURNING x.cohort_id AS "cohortId", x.country, x.department, x.job_title AS "jobTitle", x.reporting,
                  x.added_by AS "addedBy", x.source, c.closed_at IS NOT NULL AS closed, x.added_at AS "addedAt"`,
      [accepted.invitationId],
    )) as [(InviteeRow & { addedAt: Date })[], number];
    const invitees = rows[0].sort((a, b) => new Date(b.addedAt).getTime() - new Date(a.addedAt).getTime());
    if (invitees.length === 0) return;
    // A cohort closed since the invitation was sent is read-only: they join the others.
    for (const invitee of invitees.filter((row) => !row.closed)) {
      await tx.query(
        `INSERT INTO cohort_member (cohort_id, user_id, source, added_by) VALUES ($1, $2, 'invitation', $3)
         ON CONFLICT (cohort_id, user_id) DO NOTHING`,
        [invitee.cohortId, accepted.userId, invitee.addedBy],
      );
      const courses = (await tx.query(
        `SELECT course_id AS "courseId" FROM cohort_course WHERE cohort_id = $1`,
        [invitee.cohortId],
      )) as { courseId: string }[];
      const created = await this.enrolments.enrol(
        [accepted.userId],
        courses.map((row) => row.courseId),
        tx,
      );
      await this.audit.record(
        {
          action: 'cohort_member.added',
          actor: { id: accepted.userId, email: accepted.email },
          target: { type: 'user', id: accepted.userId },
          institutionId: accepted.institutionId,
          client: accepted.client,
          details: {
            cohortId: invitee.cohortId,
            source: 'invitation',
            invitationId: accepted.invitationId,
            enrolmentsCreated: created.length,
          },
        },
        tx,
      );
    }
    if (!accepted.accountCreated) return;
    // The most recent facts given win; an absent fact does not erase another cohort's.
    const first = <K extends 'country' | 'department' | 'jobTitle'>(key: K) =>
      invitees.find((row) => row[key])?.[key] ?? undefined;
    await this.accounts.updateProfile(
      accepted.userId,
      { country: first('country')?.trim(), department: first('department'), jobTitle: first('jobTitle') },
      tx,
    );
    const reporting = invitees.find((row) => row.reporting)?.reporting;
    if (reporting)
      await this.reporting.recordAttested({ id: accepted.userId, email: accepted.email }, reporting, tx);
  }

  /** The cohorts a replaced invitation brought the person into are brought by its replacement. */
  async onReplaced(replacedIds: readonly string[], replacementId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE cohort_invitee SET invitation_id = $2 WHERE invitation_id = ANY($1::uuid[])`, [
      replacedIds,
      replacementId,
    ]);
  }

  /** A withdrawn invitation's cohort places go, with the facts (reporting answers) given for them. */
  async onRevoked(invitationIds: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM cohort_invitee WHERE invitation_id = ANY($1::uuid[])`, [invitationIds]);
  }

  async suggestedDisplayName(invitationId: string): Promise<string | null> {
    const [row] = (await this.db.query(
      `SELECT display_name AS name FROM cohort_invitee
        WHERE invitation_id = $1 AND display_name IS NOT NULL ORDER BY added_at DESC LIMIT 1`,
      [invitationId],
    )) as { name: string }[];
    return row?.name ?? null;
  }
}

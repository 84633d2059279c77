import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import {
  InvitationAcceptanceHooks,
  type AcceptedInvitation,
  type InvitationAcceptanceHook,
} from '../../invitations/invitation-acceptance-hooks.js';
import { MailService } from '../../notifications/mail.service.js';
import type { AssessmentStatus } from './assessment.entity.js';
import { RoundOpenedMail } from './round-opened-mail.js';

/**
 * Someone invited by e-mail to assessments becomes a participant of those not yet completed when
 * they accept, in the acceptance's transaction; when an individual round is already open they are
 * told where to rate. Replacing or withdrawing the invitation carries their places along.
 */
@Injectable()
export class AssessmentInvitationHook implements InvitationAcceptanceHook, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hooks: InvitationAcceptanceHooks,
    private readonly roundOpened: RoundOpenedMail,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onAccepted(accepted: AcceptedInvitation, tx: EntityManager): Promise<void> {
    // Share-lock the assessments first, as a participant's write does: a change of status running
    // now finishes before we read their status, so no one joins an assessment completed meanwhile.
    await tx.query(
      `SELECT a.id FROM dgca_assessment a JOIN dgca_invitee x ON x.assessment_id = a.id
        WHERE x.invitation_id = $1 ORDER BY a.id FOR SHARE OF a`,
      [accepted.invitationId],
    );
    const [invitees] = (await tx.query(
      `DELETE FROM dgca_invitee x USING dgca_assessment a
        WHERE x.invitation_id = $1 AND a.id = x.assessment_id
        RETURNING x.assessment_id AS "assessmentId", x.added_by AS "addedBy", a.status`,
      [accepted.invitationId],
    )) as [{ assessmentId: string; addedBy: string | null; status: AssessmentStatus }[], number];
    // A completed assessment's raters are final: they are not added to it.
    for (const invitee of invitees.filter((row) => row.status !== 'completed')) {
      const inserted = (await tx.query(
        `INSERT INTO dgca_participant (assessment_id, user_id, added_by) VALUES ($1, $2, $3)
         ON CONFLICT (assessment_id, user_id) DO NOTHING RETURNING id`,
        [invitee.assessmentId, accepted.userId, invitee.addedBy],
      )) as { id: string }[];
      if (inserted.length === 0) continue;
      await this.audit.record(
        {
          action: 'dgca_participant.added',
          actor: { id: accepted.userId, email: accepted.email },
          target: { type: 'user', id: accepted.userId },
          institutionId: accepted.institutionId,
          client: accepted.client,
          details: {
            assessmentId: invitee.assessmentId,
            source: 'invitation',
            invitationId: accepted.invitationId,
          },
        },
        tx,
      );
      if (invitee.status === 'individual') {
        for (const mail of await this.roundOpened.compose(invitee.assessmentId, [accepted.userId], tx))
          await this.mail.send(mail, tx);
      }
    }
  }

  /** The places a replaced invitation held are held by its replacement. */
  async onReplaced(replacedIds: readonly string[], replacementId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO dgca_invitee (assessment_id, invitation_id, display_name, added_by, added_at)
       SELECT assessment_id, $2, display_name, added_by, added_at FROM dgca_invitee
        WHERE invitation_id = ANY($1::uuid[])
       ON CONFLICT (assessment_id, invitation_id) DO NOTHING`,
      [replacedIds, replacementId],
    );
    await tx.query(`DELETE FROM dgca_invitee WHERE invitation_id = ANY($1::uuid[])`, [replacedIds]);
  }

  async onRevoked(invitationIds: readonly string[], tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM dgca_invitee WHERE invitation_id = ANY($1::uuid[])`, [invitationIds]);
  }

  async suggestedDisplayName(invitationId: string): Promise<string | null> {
    const [row] = (await this.db.query(
      `SELECT display_name AS name FROM dgca_invitee
        WHERE invitation_id = $1 AND display_name IS NOT NULL ORDER BY added_at DESC LIMIT 1`,
      [invitationId],
    )) as { name: string }[];
    return row?.name ?? null;
  }
}

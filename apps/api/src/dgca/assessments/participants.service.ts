import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import { AuditService, type AuditEntry } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { peopleByEmails } from '../../cohorts/cohort-sources.query.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { InvitationsService } from '../../invitations/invitations.service.js';
import type { OutgoingMail } from '../../notifications/mail.service.js';
import { AssessmentAccess } from './assessment-access.service.js';
import type { Assessment } from './assessment.entity.js';
import type {
  AddOutcome,
  AddParticipantsRequest,
  AddParticipantsResponse,
  InviteeView,
  ParticipantsView,
  ParticipantView,
} from './participants.dto.js';
import { RoundOpenedMail } from './round-opened-mail.js';
import { serverLanguage } from '../../common/i18n/server-languages.js';

/**
 * An assessment's people: participants (with an account) and people invited by e-mail who have
 * no account yet (accepting makes them participants: AssessmentInvitationHook). Managers see per
 * person only how far they got, never what they answered.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly invitations: InvitationsService,
    private readonly roundOpened: RoundOpenedMail,
    private readonly audit: AuditService,
  ) {}

  async list(id: string, auth: AuthContext): Promise<ParticipantsView> {
    const assessment = await this.access.forManager(id, auth);
    const [participants, invitees] = await Promise.all([
      this.db.query(
        `SELECT p.id, p.user_id AS "userId", coalesce(u.display_name, '') AS "displayName",
                coalesce(u.email, '') AS email, p.submitted_at AS "submittedAt", p.added_at AS "addedAt",
                (SELECT count(*)::int FROM dgca_rating r WHERE r.participant_id = p.id) AS answered,
                (SELECT count(*)::int FROM dgca_statement s JOIN dgca_dimension d ON d.id = s.dimension_id
                  WHERE d.version_id = $2) AS total
           FROM dgca_participant p LEFT JOIN user_account u ON u.id = p.user_id AND u.status <> 'deleted'
          WHERE p.assessment_id = $1
          ORDER BY u.display_name IS NULL, lower(u.display_name), lower(u.email), p.id`,
        [assessment.id, assessment.versionId],
      ) as Promise<
        (Omit<ParticipantView, 'submittedAt' | 'addedAt'> & { submittedAt: Date | null; addedAt: Date })[]
      >,
      this.db.query(
        `SELECT v.id AS "invitationId", v.email, x.display_name AS "displayName", x.added_at AS "invitedAt",
                v.expires_at AS "expiresAt", CASE WHEN v.expires_at > now() THEN 'pending' ELSE 'expired' END AS status
           FROM dgca_invitee x JOIN invitation v ON v.id = x.invitation_id
          WHERE x.assessment_id = $1 AND v.accepted_at IS NULL AND v.revoked_at IS NULL
          ORDER BY lower(coalesce(x.display_name, v.email)), lower(v.email)`,
        [assessment.id],
      ) as Promise<(Omit<InviteeView, 'invitedAt' | 'expiresAt'> & { invitedAt: Date; expiresAt: Date })[]>,
    ]);
    return {
      participants: participants.map((row) => ({
        ...row,
        submittedAt: row.submittedAt ? new Date(row.submittedAt).toISOString() : null,
        addedAt: new Date(row.addedAt).toISOString(),
      })),
      invitees: invitees.map((row) => ({
        ...row,
        invitedAt: new Date(row.invitedAt).toISOString(),
        expiresAt: new Date(row.expiresAt).toISOString(),
      })),
    };
  }

  /**
   * Someone with an account becomes a participant at once (mailed if the round is open); someone
   * without one is invited to the assessment's institution as a learner, in a few statements
   * whatever their number. Mails go once the change has committed.
   */
  async add(
    id: string,
    input: AddParticipantsRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<AddParticipantsResponse> {
    const fallback = serverLanguage(input.language ?? auth.preferredLanguage);
    const { results, mails } = await this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(id, auth, tx);
      this.access.assertStatus(assessment, ['draft', 'individual', 'consensus'], 'add participants');
      const byEmail = new Map<string, string | undefined>();
      for (const person of input.people) {
        const email = person.email.toLowerCase();
        if (!byEmail.has(email) || !byEmail.get(email)) byEmail.set(email, person.displayName);
      }
      const emails = [...byEmail.keys()];
      const outcomes = new Map<string, AddOutcome>();
      const audit: AuditEntry[] = [];
      const entry = (target: { type: string; id: string }, details: Record<string, unknown>) =>
        audit.push({
          action: 'dgca_participant.added',
          actor: { id: auth.userId, email: auth.email },
          target,
          institutionId: assessment.institutionId,
          client,
          details: { assessmentId: assessment.id, ...details },
        });

      const accounts = await peopleByEmails(tx, emails);
      const added = new Set(
        (
          (await tx.query(
            `INSERT INTO dgca_participant (assessment_id, user_id, added_by)
             SELECT $1, unnest($2::uuid[]), $3
             ON CONFLICT (assessment_id, user_id) DO NOTHING RETURNING user_id AS "userId"`,
            [assessment.id, accounts.map((account) => account.id), auth.userId],
          )) as { userId: string }[]
        ).map((row) => row.userId),
      );
      if (accounts.length > 0) {
        // Invited before they had an account: their participant row replaces the invitee.
        await tx.query(
          `DELETE FROM dgca_invitee x USING invitation v
            WHERE x.assessment_id = $1 AND v.id = x.invitation_id AND lower(v.email) = ANY($2::text[])`,
          [assessment.id, accounts.map((account) => account.email.toLowerCase())],
        );
      }
      for (const account of accounts) {
        const isNew = added.has(account.id);
        outcomes.set(account.email.toLowerCase(), isNew ? 'added' : 'already');
        if (isNew) entry({ type: 'user', id: account.id }, {});
      }

      const strangers = emails.filter((email) => !outcomes.has(email));
      const opened = await this.invitations.openLearnerInvitations(
        strangers.map((email) => ({ email, language: fallback })),
        assessment.institutionId,
        auth.userId,
        tx,
      );
      const invited = new Set(
        (
          (await tx.query(
            `INSERT INTO dgca_invitee (assessment_id, invitation_id, display_name, added_by)
             SELECT $1, row.invitation_id, row.display_name, $4
               FROM unnest($2::uuid[], $3::text[]) AS row (invitation_id, display_name)
             ON CONFLICT (assessment_id, invitation_id) DO NOTHING RETURNING invitation_id AS "invitationId"`,
            [
              assessment.id,
              strangers.map((email) => opened.get(email)!.invitationId),
              strangers.map((email) => byEmail.get(email) ?? null),
              auth.userId,
            ],
          )) as { invitationId: string }[]
        ).map((row) => row.invitationId),
      );
      const mails: OutgoingMail[] = [];
      const institution = await this.institutionName(tx, assessment);
      for (const email of strangers) {
        const invitation = opened.get(email)!;
        const isNew = invited.has(invitation.invitationId);
        outcomes.set(email, isNew ? 'invited' : 'already');
        if (isNew) entry({ type: 'invitation', id: invitation.invitationId }, { invited: true });
        if (invitation.token) {
          mails.push(
            this.invitations.invitationMail({
              to: email,
              token: invitation.token,
              language: fallback,
              name: byEmail.get(email) ?? email.split('@')[0] ?? email,
              inviter: auth.displayName,
              institution,
              role: InstitutionRole.Learner,
              expiresAt: invitation.expiresAt,
            }),
          );
        }
      }
      await this.audit.recordMany(audit, tx);
      if (assessment.status === 'individual' && added.size > 0) {
        mails.push(...(await this.roundOpened.compose(assessment.id, [...added], tx)));
      }
      return { results: emails.map((email) => ({ email, outcome: outcomes.get(email)! })), mails };
    });
    await this.roundOpened.send(mails);
    return { results };
  }

  /** Their ratings go with them; only before the consensus round, which works from those ratings. */
  async remove(id: string, participantId: string, auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(id, auth, tx);
      this.access.assertStatus(assessment, ['draft', 'individual'], 'remove participants');
      // A round reopened after the consensus round keeps its raters: the facilitator has seen the
      // distributions, and those without one person would show what that person answered.
      if (assessment.consensusOpenedAt) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail:
            'Participants cannot be removed once the consensus round has opened, even if the individual round was reopened: the figures already seen, compared with those without them, would show what they answered.',
          extensions: {
            code: 'round-closed',
            assessmentStatus: assessment.status,
            allowed: ['draft', 'individual'],
          },
        });
      }
      const [rows] = (await tx.query(
        `DELETE FROM dgca_participant WHERE assessment_id = $1 AND id = $2 RETURNING user_id AS "userId"`,
        [assessment.id, participantId],
      )) as [{ userId: string | null }[], number];
      if (!rows[0]) throw notFound('participant', participantId, assessment);
      await this.audit.record(
        {
          action: 'dgca_participant.removed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'dgca_participant', id: participantId },
          institutionId: assessment.institutionId,
          client,
          details: { assessmentId: assessment.id, userId: rows[0].userId },
        },
        tx,
      );
    });
  }

  /**
   * Withdraws the person's place in the assessment. The invitation itself stays: it makes them a
   * learner of the institution, and may bring them into cohorts or other assessments too; the
   * institution withdraws it from its invitations if it wants.
   */
  async removeInvitee(
    id: string,
    invitationId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const assessment = await this.access.forManager(id, auth, tx);
      this.access.assertStatus(assessment, ['draft', 'individual', 'consensus'], 'withdraw invitations');
      const [rows] = (await tx.query(
        `DELETE FROM dgca_invitee WHERE assessment_id = $1 AND invitation_id = $2 RETURNING invitation_id`,
        [assessment.id, invitationId],
      )) as [unknown[], number];
      if (!rows[0]) throw notFound('invitee', invitationId, assessment);
      await this.audit.record(
        {
          action: 'dgca_invitee.removed',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'invitation', id: invitationId },
          institutionId: assessment.institutionId,
          client,
          details: { assessmentId: assessment.id },
        },
        tx,
      );
    });
  }

  private async institutionName(tx: EntityManager, assessment: Assessment): Promise<string> {
    const [row] = (await tx.query(`SELECT name FROM institution WHERE id = $1`, [
      assessment.institutionId,
    ])) as {
      name: string;
    }[];
    return row?.name ?? '';
  }
}

const notFound = (kind: 'participant' | 'invitee', id: string, assessment: Assessment) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail:
      kind === 'participant'
        ? `"${assessment.title}" has no participant ${id}.`
        : `"${assessment.title}" has no pending invitation ${id}.`,
    extensions: { code: `${kind}-not-found` },
  });

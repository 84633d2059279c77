import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { newSecretToken } from '../common/crypto/secret-token.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { roleName } from '../notifications/mail-templates.js';
import { MailService, type OutgoingMail } from '../notifications/mail.service.js';
import { assertRoleIn } from '../users/admin-scope.js';
import { MembersService } from '../users/members.service.js';
import { InvitationAcceptanceHooks } from './invitation-acceptance-hooks.js';
import { Invitation } from './invitation.entity.js';
import {
  InvitationPage,
  InvitationView,
  type CreateInvitationRequest,
  type InvitationListQuery,
} from './invitations.dto.js';
import { longDate, serverLanguage } from '../common/i18n/server-languages.js';

const VALID_DAYS = 7;

const OPEN = 'i.accepted_at IS NULL AND i.revoked_at IS NULL';
const STATUS_FILTERS = {
  open: `${OPEN} AND i.expires_at > now()`,
  expired: `${OPEN} AND i.expires_at <= now()`,
  accepted: 'i.accepted_at IS NOT NULL',
  revoked: 'i.revoked_at IS NOT NULL',
} as const;

export interface OpenedInvitation {
  invitationId: string;
  /** The secret for the link: only for an invitation created now (null when an open one was reused). */
  token: string | null;
  expiresAt: Date;
  created: boolean;
}

export interface InvitationMail {
  to: string;
  token: string;
  language: string;
  /** How the greeting addresses them. */
  name: string;
  inviter: string;
  institution: string;
  role: string;
  expiresAt: Date;
}

/** Institution admins invite people to their own institutions; platform admins to any. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly institutions: InstitutionsService,
    private readonly members: MembersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly hooks: InvitationAcceptanceHooks,
  ) {}

  async create(
    institutionId: string,
    input: CreateInvitationRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<InvitationView> {
    const institution = await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId);
    const language = input.language ?? serverLanguage(auth.preferredLanguage);
    const { token, hash } = newSecretToken();
    return this.db.transaction(async (tx) => {
      if (await this.members.isMemberByEmail(input.email, institutionId, tx)) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'A person with this e-mail address is already a member of this institution.',
          errors: [{ field: 'email', message: 'email is already a member', in: 'body' }],
        });
      }
      // One open invitation per address and institution (the partial unique index): inviting again
      // replaces the old link, so only the newest e-mail works.
      const replaced = (await tx.query(
        `UPDATE invitation i SET revoked_at = now()
          WHERE lower(i.email) = lower($1) AND i.institution_id = $2 AND ${OPEN} RETURNING i.id`,
        [input.email, institutionId],
      )) as [{ id: string }[], number];
      const invitation = await this.insert(tx, {
        email: input.email,
        institutionId,
        role: input.role,
        language,
        tokenHash: hash,
        invitedBy: auth.userId,
        expiresAt: new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000),
      });
      await this.hooks.replaced(
        replaced[0].map((row) => row.id),
        invitation.id,
        tx,
      );
      await this.sendMail(
        {
          to: input.email,
          token,
          language,
          name: input.email.split('@')[0] ?? input.email,
          inviter: auth.displayName,
          institution: institution.name,
          role: input.role,
          expiresAt: invitation.expiresAt,
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'invitation.created',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'invitation', id: invitation.id },
          institutionId,
          client,
          details: {
            email: input.email,
            role: input.role,
            replaced: replaced[0].map((row) => row.id),
          },
        },
        tx,
      );
      return InvitationView.from(invitation);
    });
  }

  async list(institutionId: string, query: InvitationListQuery, auth: AuthContext): Promise<InvitationPage> {
    await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId);
    const builder = this.db
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.institution_id = :institutionId', { institutionId });
    if (query.status) builder.andWhere(STATUS_FILTERS[query.status]);
    const [rows, total] = await builder
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(InvitationView.from), page: query.page, pageSize: query.pageSize, total };
  }

  async revoke(
    institutionId: string,
    invitationId: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<void> {
    await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId);
    await this.db.transaction(async (tx) => {
      const invitation = await tx
        .getRepository(Invitation)
        .createQueryBuilder('i')
        .where('i.id = :invitationId AND i.institution_id = :institutionId', { invitationId, institutionId })
        .setLock('pessimistic_write')
        .getOne();
      if (!invitation) {
        throw new ProblemException({
          status: 404,
          type: ProblemType.NotFound,
          detail: `This institution has no invitation with id ${invitationId}.`,
        });
      }
      if (invitation.acceptedAt || invitation.revokedAt) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: invitation.acceptedAt
            ? 'This invitation has already been accepted; remove the member instead.'
            : 'This invitation has already been revoked.',
        });
      }
      await tx.getRepository(Invitation).update(invitationId, { revokedAt: new Date() });
      await this.hooks.revoked([invitationId], tx);
      await this.audit.record(
        {
          action: 'invitation.revoked',
          actor: { id: auth.userId, email: auth.email },
          target: { type: 'invitation', id: invitationId },
          institutionId,
          client,
          details: { email: invitation.email, role: invitation.role },
        },
        tx,
      );
    });
  }

  /**
   * Learner invitations for people another module enrols (a cohort), inside the caller's
   * transaction, in a few statements whatever their number. An open invitation to the same address
   * and institution is reused (its link was already sent, so `token` is null and no mail is due);
   * an expired one is replaced. Keyed by lower-cased e-mail. The caller audits what it did and
   * mails the new links after commit with `sendMail`.
   */
  async openLearnerInvitations(
    people: readonly { email: string; language: string }[],
    institutionId: string,
    invitedBy: string | null,
    tx: EntityManager,
  ): Promise<Map<string, OpenedInvitation>> {
    const opened = new Map<string, OpenedInvitation>();
    if (people.length === 0) return opened;
    const emails = people.map((person) => person.email.toLowerCase());
    const current = (await tx.query(
      `SELECT i.id, lower(i.email) AS email, i.expires_at AS "expiresAt" FROM invitation i
        WHERE lower(i.email) = ANY($1::text[]) AND i.institution_id = $2 AND ${OPEN} AND i.expires_at > now()
        FOR UPDATE`,
      [emails, institutionId],
    )) as { id: string; email: string; expiresAt: Date }[];
    for (const row of current) {
      opened.set(row.email, { invitationId: row.id, token: null, expiresAt: row.expiresAt, created: false });
    }
    const fresh = people.filter((person) => !opened.has(person.email.toLowerCase()));
    if (fresh.length === 0) return opened;
    await tx.query(
      `UPDATE invitation i SET revoked_at = now()
        WHERE lower(i.email) = ANY($1::text[]) AND i.institution_id = $2 AND ${OPEN}`,
      [fresh.map((person) => person.email.toLowerCase()), institutionId],
    );
    const tokens = fresh.map(() => newSecretToken());
    const expiresAt = new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000);
    let inserted: { id: string; email: string }[];
    try {
      inserted = (await tx.query(
        `INSERT INTO invitation (email, institution_id, role, language, token_hash, invited_by, expires_at)
         SELECT person.email, $4, $7, person.language, decode(person.hash, 'hex'), $5, $6
           FROM unnest($1::text[], $2::text[], $3::text[]) AS person (email, language, hash)
         RETURNING id, lower(email) AS email`,
        [
          fresh.map((person) => person.email),
          fresh.map((person) => person.language),
          tokens.map((token) => token.hash.toString('hex')),
          institutionId,
          invitedBy,
          expiresAt,
          InstitutionRole.Learner,
        ],
      )) as { id: string; email: string }[];
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'Someone invited some of these addresses at the same moment; try again.',
        });
      }
      throw error;
    }
    const tokenByEmail = new Map(
      fresh.map((person, index) => [person.email.toLowerCase(), tokens[index]!.token]),
    );
    for (const row of inserted) {
      opened.set(row.email, {
        invitationId: row.id,
        token: tokenByEmail.get(row.email) ?? null,
        expiresAt,
        created: true,
      });
    }
    return opened;
  }

  /** Withdraws an invitation another module made, if still open, in the caller's transaction. */
  async revokeOpen(invitationId: string, tx: EntityManager): Promise<boolean> {
    const rows = (await tx.query(
      `UPDATE invitation i SET revoked_at = now() WHERE i.id = $1 AND ${OPEN} RETURNING i.id`,
      [invitationId],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** The invitation e-mail with its link, in the invitee's language. */
  async sendMail(mail: InvitationMail, tx?: EntityManager): Promise<void> {
    await this.mail.send(this.invitationMail(mail), tx);
  }

  /** The invitation e-mail, to send with others at once (MailService.sendMany). */
  invitationMail(mail: InvitationMail): OutgoingMail {
    return {
      to: mail.to,
      template: 'invitation',
      language: mail.language,
      params: {
        name: mail.name,
        inviter: mail.inviter,
        institution: mail.institution,
        role: roleName(mail.language, mail.role),
        expires: longDate(mail.language, mail.expiresAt),
      },
      actionUrl: `${this.config.PUBLIC_URL}/invitations/accept?token=${encodeURIComponent(mail.token)}`,
    };
  }

  private async insert(tx: EntityManager, values: Partial<Invitation>): Promise<Invitation> {
    try {
      return await tx.getRepository(Invitation).save(values);
    } catch (error) {
      // Two admins inviting the same address at the same moment: the index lets one through.
      if ((error as { code?: string }).code === '23505') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'Someone invited this address at the same moment; look at the open invitations.',
        });
      }
      throw error;
    }
  }
}

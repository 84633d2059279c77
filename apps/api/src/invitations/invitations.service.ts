import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { newSecretToken } from '../common/crypto/secret-token.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { MAIL_LANGUAGES, roleName } from '../notifications/mail-templates.js';
import { MailService } from '../notifications/mail.service.js';
import { assertRoleIn } from '../users/admin-scope.js';
import { MembersService } from '../users/members.service.js';
import { Invitation } from './invitation.entity.js';
import {
  InvitationPage,
  InvitationView,
  type CreateInvitationRequest,
  type InvitationListQuery,
} from './invitations.dto.js';

const VALID_DAYS = 7;

const OPEN = 'i.accepted_at IS NULL AND i.revoked_at IS NULL';
const STATUS_FILTERS = {
  open: `${OPEN} AND i.expires_at > now()`,
  expired: `${OPEN} AND i.expires_at <= now()`,
  accepted: 'i.accepted_at IS NOT NULL',
  revoked: 'i.revoked_at IS NOT NULL',
} as const;

/** A date in the reader's language, for the e-mail ("12 March 2026"). */
const formatDate = (date: Date, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

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
  ) {}

  async create(
    institutionId: string,
    input: CreateInvitationRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<InvitationView> {
    const institution = await this.institutions.get(institutionId);
    assertRoleIn(auth, institutionId);
    const language =
      input.language ??
      ((MAIL_LANGUAGES as readonly string[]).includes(auth.preferredLanguage)
        ? auth.preferredLanguage
        : 'en');
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
      await this.mail.send(
        {
          to: input.email,
          template: 'invitation',
          language,
          params: {
            name: input.email.split('@')[0] ?? input.email,
            inviter: auth.displayName,
            institution: institution.name,
            role: roleName(language, input.role),
            expires: formatDate(invitation.expiresAt, language),
          },
          actionUrl: `${this.config.PUBLIC_URL}/invitations/accept?token=${encodeURIComponent(token)}`,
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { newSecretToken } from '../common/crypto/secret-token.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenView, type CreateApiTokenRequest, type CreatedApiTokenResponse } from './api-tokens.dto.js';
import type { AuthContext, ClientInfo } from './auth-context.js';

/** Recognisable in logs and by secret scanners; the rest is 256 random bits. */
const TOKEN_PREFIX = 'arch_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** Enough for every integration a person runs; a cap stops a script from minting tokens forever. */
const MAX_ACTIVE_TOKENS = 25;

/** Personal API tokens: created, listed and revoked by their owner. */
@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(userId: string): Promise<ApiTokenView[]> {
    const tokens = await this.db
      .getRepository(ApiToken)
      .find({ where: { userId }, order: { createdAt: 'DESC' } });
    return tokens.map(ApiTokenView.from);
  }

  async create(
    auth: AuthContext,
    request: CreateApiTokenRequest,
    client: ClientInfo,
  ): Promise<CreatedApiTokenResponse> {
    const { token, hash } = newSecretToken(TOKEN_PREFIX);
    const saved = await this.db.transaction(async (tx) => {
      const active = await tx
        .getRepository(ApiToken)
        .createQueryBuilder('t')
        .where('t.user_id = :userId AND t.revoked_at IS NULL AND t.expires_at > now()', {
          userId: auth.userId,
        })
        .getCount();
      if (active >= MAX_ACTIVE_TOKENS) {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use first.`,
        });
      }
      const row = await tx.getRepository(ApiToken).save({
        userId: auth.userId,
        name: request.name,
        tokenHash: hash,
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        scopes: request.scopes,
        expiresAt: new Date(Date.now() + request.expiresInDays * 24 * 3600 * 1000),
        lastUsedAt: null,
        revokedAt: null,
      });
      await this.audit.record(
        {
          action: 'api_token.created',
          actor: { id: auth.userId, email: auth.email },
          client,
          target: { type: 'api_token', id: row.id },
          details: { name: request.name, scopes: request.scopes, expiresInDays: request.expiresInDays },
        },
        tx,
      );
      return row;
    });
    const view = ApiTokenView.from(await this.db.getRepository(ApiToken).findOneByOrFail({ id: saved.id }));
    return { ...view, token };
  }

  /** Revokes one of the caller's tokens (again is fine); 404 for anyone else's. */
  async revoke(auth: AuthContext, id: string, client: ClientInfo): Promise<void> {
    const token = await this.db.getRepository(ApiToken).findOneBy({ id, userId: auth.userId });
    if (!token) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: 'You have no API token with this id.',
      });
    }
    await this.db.transaction(async (tx) => {
      const result = await tx
        .getRepository(ApiToken)
        .update({ id, userId: auth.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) return;
      await this.audit.record(
        {
          action: 'api_token.revoked',
          actor: { id: auth.userId, email: auth.email },
          client,
          target: { type: 'api_token', id },
        },
        tx,
      );
    });
  }
}

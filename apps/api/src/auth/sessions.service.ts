import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { newSecretToken } from '../common/crypto/secret-token.js';
import { Environment, type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import type { ClientInfo } from './auth-context.js';
import { ApiToken } from './api-token.entity.js';
import { Session } from './session.entity.js';

export interface NewSession {
  id: string;
  /** Goes into the cookie; never stored. */
  token: string;
  csrfToken: string;
  maxAgeSeconds: number;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Production is served over HTTPS (TLS at the proxy), whatever PUBLIC_URL says. */
  get secureCookies(): boolean {
    return this.config.NODE_ENV === Environment.Production || this.config.PUBLIC_URL.startsWith('https://');
  }

  async start(
    userId: string,
    client: ClientInfo,
    manager: EntityManager = this.db.manager,
  ): Promise<NewSession> {
    const { token, hash } = newSecretToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const maxAgeSeconds = this.config.SESSION_TTL_DAYS * 24 * 3600;
    const session = await manager.getRepository(Session).save({
      userId,
      tokenHash: hash,
      csrfToken,
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
      ip: client.ip,
      userAgent: client.userAgent ?? null,
    });
    return { id: session.id, token, csrfToken, maxAgeSeconds };
  }

  async end(sessionId: string): Promise<void> {
    await this.db
      .getRepository(Session)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of the person, except one (the caller's, when they stay signed in). */
  async endAll(userId: string, except?: string, manager: EntityManager = this.db.manager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .andWhere(except ? 'id <> :except' : 'TRUE', { except })
      .execute();
    return result.affected ?? 0;
  }

  /** Revokes every personal API token of the person (deactivation), in one statement. */
  async revokeApiTokens(userId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ApiToken)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}

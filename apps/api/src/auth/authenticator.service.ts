import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { hashSecretToken } from '../common/crypto/secret-token.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import type { AuthContext, Membership, TokenScope } from './auth-context.js';
import { SESSION_COOKIE } from './session-cookie.js';

interface PrincipalRow {
  credential_id: string;
  last_used_at: Date | null;
  csrf_token: string | null;
  scopes: TokenScope[] | null;
  user_id: string;
  email: string;
  display_name: string;
  preferred_language: string;
  is_platform_admin: boolean;
  memberships: Membership[];
}

// Writing "last seen" on every request would turn every read into a write; once a few minutes is enough.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

const USER_COLUMNS = `
  u.id AS user_id, u.email, u.display_name, u.preferred_language, u.is_platform_admin,
  COALESCE((SELECT json_agg(json_build_object('institutionId', m.institution_id, 'role', m.role))
            FROM membership m WHERE m.user_id = u.id), '[]'::json) AS memberships`;

/** Resolves the caller of a request from its session cookie or bearer token, in one query. */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger(Authenticator.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AuthContext | undefined> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer '))
      return this.fromToken(authorization.slice('Bearer '.length).trim());
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.fromSession(cookie) : undefined;
  }

  private async fromSession(token: string): Promise<AuthContext | undefined> {
    const [row] = (await this.db.query(
      `SELECT s.id AS credential_id, s.last_seen_at AS last_used_at, s.csrf_token, NULL AS scopes, ${USER_COLUMNS}
         FROM session s JOIN user_account u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [hashSecretToken(token)],
    )) as PrincipalRow[];
    if (!row) return undefined;
    if (this.stale(row.last_used_at)) {
      this.touch(
        `UPDATE session SET last_seen_at = now(), expires_at = now() + make_interval(days => $2) WHERE id = $1`,
        [row.credential_id, this.config.SESSION_TTL_DAYS],
      );
    }
    return {
      ...this.principal(row),
      via: 'session',
      sessionId: row.credential_id,
      csrfToken: row.csrf_token ?? undefined,
    };
  }

  private async fromToken(token: string): Promise<AuthContext | undefined> {
    const [row] = (await this.db.query(
      `SELECT t.id AS credential_id, t.last_used_at, NULL AS csrf_token, t.scopes, ${USER_COLUMNS}
         FROM api_token t JOIN user_account u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.status = 'active'`,
      [hashSecretToken(token)],
    )) as PrincipalRow[];
    if (!row) return undefined;
    if (this.stale(row.last_used_at)) {
      this.touch(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [row.credential_id]);
    }
    return { ...this.principal(row), via: 'token', tokenScopes: row.scopes ?? [] };
  }

  private principal(row: PrincipalRow): Omit<AuthContext, 'via'> {
    return {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      preferredLanguage: row.preferred_language,
      isPlatformAdmin: row.is_platform_admin,
      memberships: row.memberships,
    };
  }

  private stale(lastUsed: Date | null): boolean {
    return !lastUsed || Date.now() - new Date(lastUsed).getTime() > TOUCH_AFTER_MS;
  }

  private touch(sql: string, parameters: unknown[]): void {
    this.db
      .query(sql, parameters)
      .catch((error: unknown) => this.logger.warn(`Could not record activity: ${String(error)}`));
  }
}

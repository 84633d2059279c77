import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { hashSecretToken } from '../common/crypto/secret-token.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { preparedQuery } from '../database/prepared-query.js';
import type { AuthContext, Membership, TokenScope } from './auth-context.js';
import { PrincipalCache } from './principal-cache.js';
import { SESSION_COOKIE } from './session-cookie.js';

interface PrincipalRow {
  credential_id: string;
  last_used_at: Date | null;
  expires_at: Date;
  csrf_token: string | null;
  scopes: TokenScope[] | null;
  user_id: string;
  email: string;
  email_verified_at: Date | null;
  display_name: string;
  preferred_language: string;
  is_platform_admin: boolean;
  country: string | null;
  department: string | null;
  job_title: string | null;
  memberships: Membership[];
}

// Writing "last seen" on every request would turn every read into a write; once a few minutes is enough.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

// account_principal is the accounts module's read model (a view): profile and memberships in one row.
const PRINCIPAL_COLUMNS = `p.user_id, p.email, p.email_verified_at, p.display_name, p.preferred_language,
  p.is_platform_admin, p.country, p.department, p.job_title, p.memberships`;

/** How each kind of credential is looked up, turned into a caller and marked as used. */
interface Credential {
  prefix: string;
  name: string;
  sql: string;
  context(row: PrincipalRow, principal: Omit<AuthContext, 'via'>): AuthContext;
  touchSql: string;
  touchParameters(credentialId: string, config: AppConfig): unknown[];
}

const SESSION: Credential = {
  prefix: 's:',
  name: 'auth-session',
  sql: `SELECT s.id AS credential_id, s.last_seen_at AS last_used_at, s.expires_at, s.csrf_token, NULL AS scopes, ${PRINCIPAL_COLUMNS}
          FROM session s JOIN account_principal p ON p.user_id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND p.status = 'active'`,
  context: (row, principal) => ({
    ...principal,
    via: 'session',
    sessionId: row.credential_id,
    csrfToken: row.csrf_token ?? undefined,
  }),
  touchSql: `UPDATE session SET last_seen_at = now(), expires_at = now() + make_interval(days => $2) WHERE id = $1`,
  touchParameters: (id, config) => [id, config.SESSION_TTL_DAYS],
};

const TOKEN: Credential = {
  prefix: 't:',
  name: 'auth-api-token',
  sql: `SELECT t.id AS credential_id, t.last_used_at, t.expires_at, NULL AS csrf_token, t.scopes, ${PRINCIPAL_COLUMNS}
          FROM api_token t JOIN account_principal p ON p.user_id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND p.status = 'active'`,
  context: (row, principal) => ({ ...principal, via: 'token', tokenScopes: row.scopes ?? [] }),
  touchSql: `UPDATE api_token SET last_used_at = now() WHERE id = $1`,
  touchParameters: (id) => [id],
};

/** Resolves the caller of a request from its session cookie or bearer token: from memory, or in one query. */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger(Authenticator.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: PrincipalCache,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AuthContext | undefined> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer '))
      return this.resolve(TOKEN, authorization.slice('Bearer '.length).trim());
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.resolve(SESSION, cookie) : undefined;
  }

  /** From memory when this process has seen the credential lately, else from the database. */
  private async resolve(credential: Credential, secret: string): Promise<AuthContext | undefined> {
    const hash = hashSecretToken(secret);
    const key = credential.prefix + hash.toString('base64');
    const cached = this.cache.get(key);
    if (cached) {
      if (this.stale(cached.lastUsedAt)) {
        cached.lastUsedAt = Date.now();
        this.touch(credential, cached.credentialId);
      }
      return cached.auth;
    }
    const generation = this.cache.generation;
    const row = await this.queryOne(credential.name, credential.sql, [hash]);
    if (!row) return undefined;
    const auth = credential.context(row, this.principal(row));
    let lastUsedAt = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
    if (this.stale(lastUsedAt)) {
      lastUsedAt = Date.now();
      this.touch(credential, row.credential_id);
    }
    const expiresAt = new Date(row.expires_at).getTime();
    this.cache.put(key, { auth, credentialId: row.credential_id, lastUsedAt, expiresAt }, generation);
    return auth;
  }

  /** The person behind a session just started (sign-in, sign-up, invitation), as the guard would see them. */
  async sessionPrincipal(sessionId: string): Promise<AuthContext | undefined> {
    const [row] = (await this.db.query(
      `SELECT s.id AS credential_id, s.last_seen_at AS last_used_at, s.csrf_token, NULL AS scopes, ${PRINCIPAL_COLUMNS}
         FROM session s JOIN account_principal p ON p.user_id = s.user_id WHERE s.id = $1`,
      [sessionId],
    )) as PrincipalRow[];
    return row
      ? { ...this.principal(row), via: 'session', sessionId, csrfToken: row.csrf_token ?? undefined }
      : undefined;
  }

  /** The person with this id, as the guard would see them (no credential attached). */
  async userPrincipal(userId: string): Promise<Omit<AuthContext, 'via'> | undefined> {
    const [row] = (await this.db.query(
      `SELECT NULL AS credential_id, NULL AS last_used_at, NULL AS csrf_token, NULL AS scopes, ${PRINCIPAL_COLUMNS}
         FROM account_principal p WHERE p.user_id = $1`,
      [userId],
    )) as PrincipalRow[];
    return row ? this.principal(row) : undefined;
  }

  private principal(row: PrincipalRow): Omit<AuthContext, 'via'> {
    return {
      userId: row.user_id,
      email: row.email,
      emailVerified: row.email_verified_at !== null,
      displayName: row.display_name,
      preferredLanguage: row.preferred_language,
      isPlatformAdmin: row.is_platform_admin,
      country: row.country,
      department: row.department,
      jobTitle: row.job_title,
      memberships: row.memberships,
    };
  }

  /** Runs on every authenticated request, hence a prepared statement. */
  private async queryOne(name: string, text: string, values: unknown[]): Promise<PrincipalRow | undefined> {
    const [row] = await preparedQuery<PrincipalRow>(this.db, name, text, values);
    return row;
  }

  private stale(lastUsedAt: number): boolean {
    return Date.now() - lastUsedAt > TOUCH_AFTER_MS;
  }

  private touch(credential: Credential, credentialId: string): void {
    this.db
      .query(credential.touchSql, credential.touchParameters(credentialId, this.config))
      .catch((error: unknown) => this.logger.warn(`Could not record activity: ${String(error)}`));
  }
}

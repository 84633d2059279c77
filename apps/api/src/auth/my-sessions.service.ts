import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { AuthContext, ClientInfo } from './auth-context.js';
import type { SessionView } from './my-sessions.dto.js';
import { SessionsService } from './sessions.service.js';

interface SessionRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** A person's own browser sessions: see them, end one, end all. */
@Injectable()
export class MySessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext): Promise<SessionView[]> {
    const rows = (await this.db.query(
      `SELECT id, created_at, last_seen_at, host(ip) AS ip, user_agent FROM session
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_seen_at DESC`,
      [auth.userId],
    )) as SessionRow[];
    return rows.map((row) => ({
      id: row.id,
      createdAt: new Date(row.created_at).toISOString(),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
      ip: row.ip,
      userAgent: row.user_agent,
      current: row.id === auth.sessionId,
    }));
  }

  /** Every session the person ever had, ended ones too, without secrets: for their data download. */
  async history(userId: string): Promise<Record<string, unknown>[]> {
    return (await this.db.query(
      `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt",
              revoked_at AS "revokedAt", host(ip) AS ip, user_agent AS "userAgent"
         FROM session WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    )) as Record<string, unknown>[];
  }

  /** Ends one of the caller's sessions; 404 for anyone else's, so ids reveal nothing. */
  async end(auth: AuthContext, sessionId: string, client: ClientInfo): Promise<void> {
    const [, affected] = (await this.db.query(
      `UPDATE session SET revoked_at = now()
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, auth.userId],
    )) as [unknown, number];
    if (affected === 0) {
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: 'You have no active session with this id.',
      });
    }
    await this.audit.record({
      action: 'auth.session_ended',
      actor: { id: auth.userId, email: auth.email },
      client,
      target: { type: 'session', id: sessionId },
    });
  }

  async endAll(auth: AuthContext, includeCurrent: boolean, client: ClientInfo): Promise<number> {
    const ended = await this.sessions.endAll(auth.userId, includeCurrent ? undefined : auth.sessionId);
    await this.audit.record({
      action: 'auth.sessions_ended',
      actor: { id: auth.userId, email: auth.email },
      client,
      details: { ended, includeCurrent },
    });
    return ended;
  }
}

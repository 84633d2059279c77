import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { hashSecretToken, newSecretToken } from '../common/crypto/secret-token.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity.js';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** One answer for unknown, used and expired links: telling them apart helps only an attacker. */
export const unusableToken = () =>
  new ProblemException({
    status: 400,
    type: ProblemType.BadRequest,
    detail: 'This link is not valid: it may have expired or been used already. Ask for a new one.',
    errors: [{ field: 'token', message: 'token is not valid, expired or already used', in: 'body' }],
  });

/** Issues and redeems the single-use tokens of `account_token`, for every purpose. */
@Injectable()
export class AccountTokensService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A new token for the person and purpose. Their earlier unused tokens for that purpose stop
   * working, so only the latest link mailed to them is good.
   */
  async issue(
    input: { userId: string; purpose: AccountTokenPurpose; ttlHours: number; newEmail?: string },
    manager: EntityManager = this.db.manager,
  ): Promise<IssuedToken> {
    await this.invalidate(input.userId, [input.purpose], manager);
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + input.ttlHours * 3600 * 1000);
    await manager.getRepository(AccountToken).insert({
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hash,
      newEmail: input.newEmail ?? null,
      expiresAt,
    });
    return { token, expiresAt };
  }

  /**
   * Marks the token used and returns what it was issued for; a 400 naming `token` when it is
   * unknown, used, expired or for another purpose. One UPDATE decides, so two concurrent requests
   * cannot both redeem it; pass the transaction so a later failure gives the token back.
   */
  async redeem(
    token: string,
    purpose: AccountTokenPurpose,
    manager: EntityManager,
  ): Promise<{ userId: string; newEmail: string | null }> {
    const [rows] = (await manager.query(
      `UPDATE account_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, new_email`,
      [hashSecretToken(token), purpose],
    )) as [{ user_id: string; new_email: string | null }[], number];
    const row = rows[0];
    if (!row) throw unusableToken();
    return { userId: row.user_id, newEmail: row.new_email };
  }

  /** Makes the person's unused tokens of these purposes (all when none given) unusable. */
  async invalidate(
    userId: string,
    purposes: AccountTokenPurpose[] = ['verify_email', 'reset_password', 'change_email'],
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE account_token SET expires_at = now()
        WHERE user_id = $1 AND purpose = ANY($2::account_token_purpose[]) AND used_at IS NULL AND expires_at > now()`,
      [userId, purposes],
    );
  }

  /** Forgets every token of the person (account deletion: a pending change holds an address). */
  async deleteAllOf(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(AccountToken).delete({ userId });
  }
}

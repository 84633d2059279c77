import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { verifyPassword } from '../accounts/password-hasher.js';
import type { User } from '../accounts/user.entity.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';

const FIFTEEN_MINUTES = 15 * 60;
/** Enough for typos; too few to guess the password of a session left open on a shared computer. */
const CHECKS_PER_ACCOUNT = 10;

/**
 * Asks for the current password before sensitive changes (new password, new e-mail, deletion),
 * so that an unattended open session is not enough. Attempts are rate-limited per account.
 */
@Injectable()
export class PasswordCheckService {
  constructor(
    private readonly accounts: AccountUpdatesService,
    private readonly limiter: RateLimiter,
  ) {}

  /** The account, once the password is right; otherwise a 400 naming the field. */
  async confirm(userId: string, password: string, field: string, manager?: EntityManager): Promise<User> {
    const key = `password-check:account:${userId}`;
    await this.limiter.consume({ key, max: CHECKS_PER_ACCOUNT, windowSeconds: FIFTEEN_MINUTES });
    const user = await this.accounts.findActiveWithHash(userId, manager);
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw new ProblemException({
        status: 400,
        type: ProblemType.ValidationFailed,
        detail: `${field}: this is not your current password.`,
        errors: [{ field, message: `${field} is not your current password`, in: 'body' }],
      });
    }
    await this.limiter.reset(key);
    return user;
  }
}

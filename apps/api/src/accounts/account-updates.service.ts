import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { hashPassword } from './password-hasher.js';
import { User } from './user.entity.js';

export interface ProfileChanges {
  displayName?: string;
  preferredLanguage?: string;
  country?: string | null;
  department?: string | null;
  jobTitle?: string | null;
}

const emailTaken = (field: string) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: 'Another account already uses this e-mail address.',
    errors: [{ field, message: `${field} is already registered`, in: 'body' }],
  });

/**
 * Changes a person makes to their own account (password, e-mail, profile, deletion). Kept apart
 * from AccountsService so self-service and administration evolve without stepping on each other.
 */
@Injectable()
export class AccountUpdatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The active account with its password hash, to check a password the person typed. */
  findActiveWithHash(
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<(User & { passwordHash: string }) | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId AND u.status = :status', { userId, status: 'active' })
      .getOne() as Promise<(User & { passwordHash: string }) | null>;
  }

  /** The active account with this e-mail in any case. */
  findActiveByEmail(email: string): Promise<User | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email) AND u.status = :status', { email, status: 'active' })
      .getOne();
  }

  /** Throws 409 naming the field when any account (other than `exceptUserId`) has the address. */
  async assertEmailFree(email: string, field: string, exceptUserId?: string): Promise<void> {
    const clash = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere(exceptUserId ? 'u.id <> :exceptUserId' : 'TRUE', { exceptUserId })
      .getExists();
    if (clash) throw emailTaken(field);
  }

  async setPassword(userId: string, password: string, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(User)
      .update(userId, { passwordHash: await hashPassword(password), passwordChangedAt: new Date() });
  }

  /** Applies a confirmed address; the unique index decides a race with another account (409). */
  async setVerifiedEmail(userId: string, email: string, manager: EntityManager): Promise<void> {
    try {
      await manager.getRepository(User).update(userId, { email, emailVerifiedAt: new Date() });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'Another account started using this e-mail address in the meantime. Choose another one.',
        });
      }
      throw error;
    }
  }

  /** Marks the current address as proven; false when the account is gone or already verified. */
  async markEmailVerified(userId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(User)
      .set({ emailVerifiedAt: () => 'now()' })
      .where('id = :userId AND status = :status AND email_verified_at IS NULL', {
        userId,
        status: 'active',
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async updateProfile(
    userId: string,
    changes: ProfileChanges,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    const values = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(values).length > 0) await manager.getRepository(User).update(userId, values);
  }

  /**
   * Removes what identifies the person but keeps the row, so that records pointing at it (such as
   * certificates) stay verifiable. The password becomes a random secret nobody ever sees: still a
   * well-formed hash, so sign-in verifies it (taking its usual time) and simply fails.
   */
  async anonymise(userId: string, manager: EntityManager): Promise<void> {
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    await manager.getRepository(User).update(userId, {
      email: `deleted-${userId}@deleted.invalid`,
      displayName: 'Deleted account',
      passwordHash,
      status: 'deleted',
      deletedAt: new Date(),
      emailVerifiedAt: null,
      country: null,
      department: null,
      jobTitle: null,
    });
  }
}

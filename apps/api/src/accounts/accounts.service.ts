import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { assertAcceptablePassword } from './passwords/password-policy.js';
import { InstitutionRole, Membership } from './membership.entity.js';
import { hashPassword } from './password-hasher.js';
import { User } from './user.entity.js';

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: 'en' | 'es' | 'fr';
  /** True when the platform already knows the address is theirs (an accepted invitation sent to it). */
  emailVerified: boolean;
  country?: string | null;
  department?: string | null;
  jobTitle?: string | null;
}

export interface AccountSeed {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: 'en' | 'es' | 'fr';
  isPlatformAdmin?: boolean;
  membership?: { institutionId: string; role: InstitutionRole };
}

@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Creates an active account. The e-mail must be free in any case; the database's unique index
   * decides under concurrency, and a clash is a 409 for the caller, never a 500.
   */
  async createAccount(input: NewAccount, manager: EntityManager = this.db.manager): Promise<User> {
    assertAcceptablePassword(input.password, [input.email, input.displayName]);
    try {
      return await manager.getRepository(User).save({
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        passwordHash: await hashPassword(input.password),
        preferredLanguage: input.preferredLanguage,
        emailVerifiedAt: input.emailVerified ? new Date() : null,
        country: input.country ?? null,
        department: input.department ?? null,
        jobTitle: input.jobTitle ?? null,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ProblemException({
          status: 409,
          type: ProblemType.Conflict,
          detail: 'An account with this e-mail address already exists. Sign in, or reset the password.',
          errors: [{ field: 'email', message: 'email is already registered', in: 'body' }],
        });
      }
      throw error;
    }
  }

  /** The account with this e-mail (any case), with its password hash, for signing in. */
  findForSignIn(email: string): Promise<(User & { passwordHash: string }) | null> {
    return this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne() as Promise<(User & { passwordHash: string }) | null>;
  }

  findById(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }

  async membershipsOf(userId: string): Promise<{ institutionId: string; role: InstitutionRole }[]> {
    const rows = await this.db
      .getRepository(Membership)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map(({ institutionId, role }) => ({ institutionId, role }));
  }

  /**
   * Creates the account (and its membership) unless the e-mail is taken, in one transaction.
   * An existing account is left exactly as it is, so running the seed again changes nothing.
   */
  async ensure(seed: AccountSeed): Promise<{ id: string; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const existing = await tx
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: seed.email })
        .getOne();
      if (existing) return { id: existing.id, created: false };
      const user = await tx.getRepository(User).save({
        email: seed.email,
        displayName: seed.displayName,
        passwordHash: await hashPassword(seed.password),
        preferredLanguage: seed.preferredLanguage,
        isPlatformAdmin: seed.isPlatformAdmin ?? false,
        // The platform created these accounts itself, so there is no address to prove.
        emailVerifiedAt: new Date(),
      });
      if (seed.membership) {
        await tx.getRepository(Membership).insert({ userId: user.id, ...seed.membership });
      }
      return { id: user.id, created: true };
    });
  }
}

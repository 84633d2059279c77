import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InstitutionRole, Membership } from './membership.entity.js';
import { hashPassword } from './password-hasher.js';
import { User } from './user.entity.js';

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
      });
      if (seed.membership) {
        await tx.getRepository(Membership).insert({ userId: user.id, ...seed.membership });
      }
      return { id: user.id, created: true };
    });
  }
}

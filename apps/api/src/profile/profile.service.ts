import { Injectable } from '@nestjs/common';
import { AccountUpdatesService } from '../accounts/account-updates.service.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { User } from '../accounts/user.entity.js';
import type { AuthContext } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { ProfileView, UpdateProfileRequest } from './profile.dto.js';

export const profileOf = (user: User): ProfileView => ({
  email: user.email,
  emailVerified: user.emailVerifiedAt !== null,
  displayName: user.displayName,
  preferredLanguage: user.preferredLanguage,
  country: user.country,
  department: user.department,
  jobTitle: user.jobTitle,
});

/** The person's own name, language and work details. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly updates: AccountUpdatesService,
  ) {}

  async get(auth: AuthContext): Promise<ProfileView> {
    return profileOf(await this.user(auth.userId));
  }

  async update(auth: AuthContext, changes: UpdateProfileRequest): Promise<ProfileView> {
    await this.updates.updateProfile(auth.userId, changes);
    return this.get(auth);
  }

  async user(userId: string): Promise<User> {
    const user = await this.accounts.findById(userId);
    if (!user) {
      throw new ProblemException({
        status: 401,
        type: ProblemType.Unauthenticated,
        detail: 'This account no longer exists.',
      });
    }
    return user;
  }
}

import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS } from './demo-data.js';

export interface SeedReport {
  institutionsCreated: number;
  accountsCreated: number;
}

/** Loads the demo data through each module's service; running it again changes nothing. */
@Injectable()
export class SeedService {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly accounts: AccountsService,
  ) {}

  async run(): Promise<SeedReport> {
    const ids = new Map<string, string>();
    let institutionsCreated = 0;
    for (const institution of DEMO_INSTITUTIONS) {
      const { id, created } = await this.institutions.ensure(institution);
      ids.set(institution.slug, id);
      if (created) institutionsCreated += 1;
    }
    let accountsCreated = 0;
    for (const account of DEMO_ACCOUNTS) {
      const institutionId = account.institutionSlug ? ids.get(account.institutionSlug) : undefined;
      const { created } = await this.accounts.ensure({
        email: account.email,
        displayName: account.displayName,
        password: account.password,
        preferredLanguage: 'en',
        isPlatformAdmin: account.role === 'platform_admin',
        membership:
          institutionId && account.role !== 'platform_admin'
            ? { institutionId, role: account.role }
            : undefined,
      });
      if (created) accountsCreated += 1;
    }
    return { institutionsCreated, accountsCreated };
  }
}

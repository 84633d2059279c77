import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiTokensService } from '../auth/api-tokens.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { MySessionsService } from '../auth/my-sessions.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import type { DataExport } from './profile.dto.js';
import { profileOf, ProfileService } from './profile.service.js';
import { ReportingProfileService } from './reporting-profile.service.js';

/** Gathers everything held about the person from the modules that own it. */
@Injectable()
export class DataExportService {
  constructor(
    private readonly profiles: ProfileService,
    private readonly reporting: ReportingProfileService,
    private readonly accounts: AccountsService,
    private readonly institutions: InstitutionsService,
    private readonly sessions: MySessionsService,
    private readonly tokens: ApiTokensService,
    private readonly audit: AuditService,
  ) {}

  async export(auth: AuthContext, client: ClientInfo): Promise<DataExport> {
    // Recorded first, so the download lists this request too.
    await this.audit.record({
      action: 'account.exported',
      actor: { id: auth.userId, email: auth.email },
      client,
    });
    const [user, reportingProfile, memberships, sessions, apiTokens, auditEvents] = await Promise.all([
      this.profiles.user(auth.userId),
      this.reporting.get(auth.userId),
      this.accounts.membershipsOf(auth.userId),
      this.sessions.history(auth.userId),
      this.tokens.list(auth.userId),
      this.audit.eventsBy(auth.userId),
    ]);
    const names = await this.institutions.namesById(memberships.map((m) => m.institutionId));
    return {
      exportedAt: new Date().toISOString(),
      userId: user.id,
      profile: {
        ...profileOf(user),
        isPlatformAdmin: user.isPlatformAdmin,
        createdAt: new Date(user.createdAt).toISOString(),
        passwordChangedAt: new Date(user.passwordChangedAt).toISOString(),
      },
      reportingProfile,
      memberships: memberships.map((m) => ({ ...m, institutionName: names.get(m.institutionId) ?? '' })),
      sessions,
      apiTokens: apiTokens.map((token) => ({ ...token })),
      auditEvents: auditEvents.map((event) => ({ ...event })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import { PlatformSetting } from './platform-setting.entity.js';
import type { PlatformSettingsView, UpdatePlatformSettingsRequest } from './settings.dto.js';

/** The settings and their values on a fresh install. */
const DEFAULTS = { signUpOpen: true };
type SettingKey = keyof typeof DEFAULTS;

/** Platform-wide switches stored in `platform_setting`; a missing row means the default. */
@Injectable()
export class PlatformSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async isSignUpOpen(): Promise<boolean> {
    return (await this.all()).signUpOpen;
  }

  async all(): Promise<PlatformSettingsView> {
    const rows = await this.db.getRepository(PlatformSetting).find();
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const signUpOpen = stored.get('signUpOpen');
    return { signUpOpen: typeof signUpOpen === 'boolean' ? signUpOpen : DEFAULTS.signUpOpen };
  }

  async update(
    changes: UpdatePlatformSettingsRequest,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<PlatformSettingsView> {
    const before = await this.all();
    const changed = (Object.keys(DEFAULTS) as SettingKey[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== before[key],
    );
    if (changed.length === 0) return before;
    await this.db.transaction(async (tx) => {
      for (const key of changed) {
        await tx
          .getRepository(PlatformSetting)
          .upsert({ key, value: changes[key], updatedAt: new Date(), updatedBy: auth.userId }, ['key']);
      }
      await this.audit.record(
        {
          action: 'settings.changed',
          actor: { id: auth.userId, email: auth.email },
          client,
          details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: changes[key] }])),
        },
        tx,
      );
    });
    return this.all();
  }
}

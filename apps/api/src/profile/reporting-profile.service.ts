import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import type { PutReportingProfileRequest, ReportingProfileView } from './profile.dto.js';
import { AGE_BANDS, DISABILITY_VALUES, ReportingProfile, SEX_VALUES } from './reporting-profile.entity.js';

const NONE: ReportingProfileView = {
  consented: false,
  consentedAt: null,
  sex: null,
  ageBand: null,
  disability: null,
  islandRegion: null,
};

/**
 * Optional details for disaggregated reporting, kept only with consent. The audit log records
 * that consent was given or withdrawn, never the answers.
 */
@Injectable()
export class ReportingProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** `consented: false` and nulls when nothing is stored, so the form always has something to show. */
  async get(userId: string): Promise<ReportingProfileView> {
    const row = await this.db.getRepository(ReportingProfile).findOneBy({ userId });
    if (!row) return NONE;
    return {
      consented: true,
      consentedAt: new Date(row.consentedAt).toISOString(),
      sex: row.sex,
      ageBand: row.ageBand,
      disability: row.disability,
      islandRegion: row.islandRegion,
    };
  }

  /** Replaces every answer (an answer left out is cleared). */
  async put(
    auth: AuthContext,
    request: PutReportingProfileRequest,
    client: ClientInfo,
  ): Promise<ReportingProfileView> {
    await this.db.transaction(async (tx) => {
      // One statement, so two first answers at once cannot clash; xmax = 0 means it was inserted.
      const [row] = (await tx.query(
        `INSERT INTO reporting_profile AS r (user_id, sex, age_band, disability, island_region, consented_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (user_id) DO UPDATE SET sex = $2, age_band = $3, disability = $4, island_region = $5,
           updated_at = now()
         RETURNING (r.xmax = 0) AS inserted`,
        [
          auth.userId,
          request.sex ?? null,
          request.ageBand ?? null,
          request.disability ?? null,
          request.islandRegion ?? null,
        ],
      )) as { inserted: boolean }[];
      await this.audit.record(
        {
          action: row?.inserted ? 'reporting_profile.consent_given' : 'reporting_profile.updated',
          actor: { id: auth.userId, email: auth.email },
          client,
        },
        tx,
      );
    });
    return this.get(auth.userId);
  }

  /** Withdrawing consent deletes the answers; withdrawing twice is harmless. */
  async withdraw(auth: AuthContext, client: ClientInfo): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await this.remove(auth.userId, tx))) return;
      await this.audit.record(
        {
          action: 'reporting_profile.consent_withdrawn',
          actor: { id: auth.userId, email: auth.email },
          client,
        },
        tx,
      );
    });
  }

  /**
   * Answers an institution collected with the person's consent (a cohort import it attested),
   * stored when the person creates their account from its invitation. Answers that are not among
   * the allowed values are left out; nothing is stored when none remain, nor over answers the
   * person already gave themselves. They can change or withdraw them from their profile.
   */
  async recordAttested(
    person: { id: string; email: string },
    answers: {
      sex?: string | null;
      ageBand?: string | null;
      disability?: string | null;
      islandRegion?: string | null;
    },
    manager: EntityManager,
  ): Promise<void> {
    const pick = <T extends string>(allowed: readonly T[], value: string | null | undefined) =>
      value && (allowed as readonly string[]).includes(value) ? value : null;
    const region = answers.islandRegion?.trim().slice(0, 100) || null;
    const values = [
      pick(SEX_VALUES, answers.sex),
      pick(AGE_BANDS, answers.ageBand),
      pick(DISABILITY_VALUES, answers.disability),
      region,
    ];
    if (values.every((value) => value === null)) return;
    const rows = (await manager.query(
      `INSERT INTO reporting_profile (user_id, sex, age_band, disability, island_region, consented_at)
       VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [person.id, ...values],
    )) as unknown[];
    if (rows.length === 0) return;
    await this.audit.record(
      {
        action: 'reporting_profile.consent_given',
        actor: person,
        target: { type: 'user', id: person.id },
        details: { attestedBy: 'institution' },
      },
      manager,
    );
  }

  async remove(userId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(ReportingProfile).delete({ userId });
    return (result.affected ?? 0) > 0;
  }
}

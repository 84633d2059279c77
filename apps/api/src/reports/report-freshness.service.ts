import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { servesHttp } from '../common/http/serving-process.js';
import { rebuildReportFacts } from './report-facts.refresh.js';

/** How often serving processes rebuild the facts. */
const REFRESH_EVERY_MS = 5 * 60_000;
/** Facts older than this when a report is asked for are rebuilt in the background at once. */
const STALE_AFTER_MS = 10 * 60_000;
/** Any number that stays the same: one rebuild at a time across every API process. */
const REFRESH_LOCK = 0x7265_706f;

export interface FactsState {
  dataAsOf: Date;
  /** The first month with an enrolment and the month of the rebuild (first days); null without facts. */
  firstMonth: string | null;
  lastMonth: string | null;
}

interface RefreshRow {
  refreshed_at: Date;
  first_month: string | null;
  last_month: string | null;
}

/**
 * Keeps report_fact current: every five minutes in processes that serve HTTP, and when a report
 * finds the facts missing (waits) or stale (answers from them and rebuilds behind). Reports say
 * `dataAsOf`, so an administrator knows what the figures include.
 */
@Injectable()
export class ReportFreshness implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reports');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!servesHttp(this.adapterHost)) return;
    // No rebuild at start: the first report asks for one, and a start stays quick.
    this.timer = setInterval(() => this.inBackground(), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** The facts' state for a report, rebuilding them first if there are none yet. */
  async current(): Promise<FactsState> {
    const state = await this.read();
    if (!state) {
      await this.refresh();
      return (await this.read())!;
    }
    if (Date.now() - state.dataAsOf.getTime() > STALE_AFTER_MS) this.inBackground();
    return state;
  }

  /** Rebuilds the facts now (one rebuild at a time in this process; others wait for the lock). */
  refresh(): Promise<void> {
    this.running ??= this.rebuild().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private inBackground(): void {
    this.refresh().catch((error: unknown) => this.logger.error(`Report facts not rebuilt: ${String(error)}`));
  }

  private async rebuild(): Promise<void> {
    const started = Date.now();
    let rebuilt = false;
    // READ COMMITTED: a process that waited for the lock must see what the other one committed.
    await this.db.transaction(async (tx) => {
      const lastBefore = await this.lastRebuild(tx);
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [REFRESH_LOCK]);
      const lastNow = await this.lastRebuild(tx);
      if (lastNow !== lastBefore) return; // another process rebuilt while this one waited
      const [{ takenAt }] = (await tx.query(`SELECT clock_timestamp() AS "takenAt"`)) as [{ takenAt: Date }];
      await rebuildReportFacts(tx);
      await tx.query(
        `INSERT INTO report_refresh (id, refreshed_at, duration_ms, first_month, last_month)
         SELECT true, $2::timestamptz, $1::int, min(enrolled_month), date_trunc('month', $2::timestamptz)::date
           FROM report_fact
         ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms,
           first_month = excluded.first_month, last_month = excluded.last_month`,
        [Date.now() - started, takenAt],
      );
      rebuilt = true;
    });
    if (rebuilt) this.logger.log(`Report facts rebuilt in ${Date.now() - started} ms`);
  }

  private async lastRebuild(tx: EntityManager): Promise<string | null> {
    const rows = (await tx.query(`SELECT refreshed_at::text AS at FROM report_refresh`)) as { at: string }[];
    return rows[0]?.at ?? null;
  }

  private async read(): Promise<FactsState | null> {
    const rows = (await this.db.query(
      `SELECT refreshed_at, to_char(first_month, 'YYYY-MM-DD') AS first_month,
              to_char(last_month, 'YYYY-MM-DD') AS last_month
         FROM report_refresh`,
    )) as RefreshRow[];
    const row = rows[0];
    return row
      ? { dataAsOf: row.refreshed_at, firstMonth: row.first_month, lastMonth: row.last_month }
      : null;
  }
}

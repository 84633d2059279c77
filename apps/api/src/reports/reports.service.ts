import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { breakdownCsv } from './report-csv.js';
import {
  FIXED_CATEGORIES,
  NO_COHORT,
  NOT_STATED,
  OTHER,
  type Breakdown,
  type Disaggregation,
} from './report-dimensions.js';
import { ReportFreshness, type FactsState } from './report-freshness.service.js';
import { labelsOf, measureRows, type FactFilter } from './report-queries.js';
import { reportScope } from './report-scope.js';
import { protectedTable } from './report-table.js';
import type {
  BreakdownQuery,
  ReportBreakdown,
  ReportFilterQuery,
  ReportGroup,
  ReportSummary,
} from './reports.dto.js';

const firstDay = (month: string) => `${month}-01`;

/** The filters with the period still as asked (months), before the facts' span is known. */
type AskedFilter = Omit<FactFilter, 'from' | 'to' | 'months'> & { fromMonth?: string; toMonth?: string };

/** Every month from one first day to another, both included. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const day = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (day > to) return months;
    months.push(day);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * Disaggregated reports over report_fact (ADR 0020): the caller's scope forced on the filters,
 * the counts grouped in one query, then every value resting on fewer than 5 people withheld,
 * with whatever else would let one be worked out by subtraction.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly freshness: ReportFreshness,
    private readonly audit: AuditService,
  ) {}

  async summary(query: ReportFilterQuery, auth: AuthContext): Promise<ReportSummary> {
    const filter = this.filterOf(query, auth);
    const state = await this.freshness.current();
    const rows = await measureRows(this.db.manager, this.period(filter, state), null, 'none');
    const table = protectedTable(rows, [], []);
    return {
      totals: table.cells[0]![0]!,
      period: { from: query.from ?? null, to: query.to ?? null },
      dataAsOf: state.dataAsOf.toISOString(),
    };
  }

  async breakdown(query: BreakdownQuery, auth: AuthContext): Promise<ReportBreakdown> {
    const filter = this.filterOf(query, auth);
    const state = await this.freshness.current();
    const scoped = this.period(filter, state);
    const rows = await measureRows(this.db.manager, scoped, query.by, query.disaggregate);
    // Island or region: the answers shown by name are those left after small ones were merged.
    const regions = [
      ...new Set(
        rows.filter((row) => row.c !== null && row.c !== OTHER && row.c !== NOT_STATED).map((row) => row.c!),
      ),
    ].sort((a, b) => a.localeCompare(b));
    const categories = categoriesOf(query.disaggregate, regions);
    const groups = await this.groupsOf(
      query.by,
      rows.filter((row) => row.level === 1).map((row) => row.g!),
    );
    const table = protectedTable(
      rows,
      groups.map((group) => group.key),
      categories,
    );
    const cellsOf = (r: number) =>
      Object.fromEntries(categories.map((category, c) => [category, table.cells[r]![c]!]));
    const last = categories.length;
    return {
      by: query.by,
      disaggregate: query.disaggregate,
      categories,
      groups: groups.map((group, r): ReportGroup => ({
        ...group,
        cells: cellsOf(r),
        total: table.cells[r]![last]!,
      })),
      totals: { cells: cellsOf(groups.length), total: table.cells[groups.length]![last]! },
      period: { from: query.from ?? null, to: query.to ?? null },
      dataAsOf: state.dataAsOf.toISOString(),
    };
  }

  /** The breakdown as CSV in the caller's language (or the one asked), recorded in the audit log. */
  async csv(
    query: BreakdownQuery,
    language: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<{ filename: string; body: string }> {
    const report = await this.breakdown(query, auth);
    const body = breakdownCsv(report, language);
    const { by, disaggregate, from, to, country, institutionId, cohortId, courseId, department } = query;
    await this.audit.record({
      action: 'report.exported',
      actor: { id: auth.userId, email: auth.email },
      institutionId: institutionId ?? null,
      client,
      details: {
        by,
        disaggregate,
        filters: { from, to, country, institutionId, cohortId, courseId, department },
        groups: report.groups.length,
        dataAsOf: report.dataAsOf,
      },
    });
    return { filename: `report-${by}-${report.dataAsOf.slice(0, 10)}.csv`, body };
  }

  private filterOf(query: ReportFilterQuery, auth: AuthContext): AskedFilter {
    if (query.from && query.to && query.from > query.to) {
      throw new ProblemException({
        status: 400,
        type: ProblemType.ValidationFailed,
        detail: 'The period ends before it starts: from must be the same month as to or earlier.',
        errors: [{ field: 'from', message: 'from must not be after to', in: 'query' }],
      });
    }
    return {
      scope: reportScope(auth, query.institutionId),
      institutionId: query.institutionId ?? null,
      cohortId: query.cohortId ?? null,
      courseId: query.courseId ?? null,
      country: query.country ?? null,
      department: query.department ?? null,
      fromMonth: query.from,
      toMonth: query.to,
    };
  }

  /** The period's bounds, and its months within those the facts span (activity exists in no others). */
  private period(filter: AskedFilter, state: FactsState): FactFilter {
    const { fromMonth, toMonth, ...rest } = filter;
    const from = fromMonth ? firstDay(fromMonth) : '0001-01-01';
    const to = toMonth ? firstDay(toMonth) : '9999-12-01';
    const first = state.firstMonth && state.firstMonth > from ? state.firstMonth : from;
    const last = state.lastMonth && state.lastMonth < to ? state.lastMonth : to;
    return { ...rest, from, to, months: state.firstMonth ? monthsBetween(first, last) : [] };
  }

  private async groupsOf(
    by: Breakdown,
    keys: string[],
  ): Promise<Array<{ key: string; label: string | null }>> {
    if (by === 'month') return keys.sort().map((key) => ({ key, label: null }));
    const named = by === 'institution' || by === 'cohort' || by === 'course';
    const labels = named
      ? await labelsOf(
          this.db.manager,
          by,
          keys.filter((key) => key !== NO_COHORT),
        )
      : new Map<string, string>();
    const groups = keys.map((key) => ({
      key,
      label: named
        ? (labels.get(key) ?? null)
        : by === 'department' && key !== NOT_STATED && key !== OTHER
          ? key
          : null,
    }));
    // Alphabetical by name (code for countries), then the small ones together, then learners without one.
    const sortName = (group: { key: string; label: string | null }) => group.label ?? group.key;
    const last = (key: string) =>
      key === NOT_STATED || key === NO_COHORT ? 2 : by === 'department' && key === OTHER ? 1 : 0;
    return groups.sort(
      (a, b) =>
        last(a.key) - last(b.key) || sortName(a).localeCompare(sortName(b)) || a.key.localeCompare(b.key),
    );
  }
}

function categoriesOf(disaggregate: Disaggregation, regions: string[]): string[] {
  if (disaggregate === 'none') return [];
  if (disaggregate === 'island_region') return [...regions, OTHER, NOT_STATED];
  return [...FIXED_CATEGORIES[disaggregate], NOT_STATED];
}

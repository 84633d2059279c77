import { Module } from '@nestjs/common';
import { ReportFreshness } from './report-freshness.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/**
 * Disaggregated reports (issue 8) for platform and institution admins, from report_fact, which
 * this module rebuilds in the background from the other modules' tables (ADR 0020).
 */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportFreshness],
  exports: [ReportFreshness],
})
export class ReportsModule {}

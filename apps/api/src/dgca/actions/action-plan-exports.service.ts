import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { actionPlanCsv } from './action-plan-csv.js';
import { renderActionPlan } from './action-plan-pdf.js';
import { ActionsService } from './actions.service.js';
import { serverLanguage } from '../../common/i18n/server-languages.js';

export interface PlanFile {
  filename: string;
  body: string | Buffer;
}

/** The action plan as CSV and PDF for the assessment's managers; every export is audited. */
@Injectable()
export class ActionPlanExports {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly actions: ActionsService,
    private readonly audit: AuditService,
  ) {}

  async csv(
    assessmentId: string,
    language: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<PlanFile> {
    const lang = serverLanguage(language);
    const { assessment, dimensions, actions } = await this.actions.planForExport(assessmentId, auth);
    await this.record('csv', lang, assessment.id, assessment.institutionId, actions.length, auth, client);
    return { filename: filename('csv'), body: actionPlanCsv(dimensions, actions, lang) };
  }

  async pdf(
    assessmentId: string,
    language: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<PlanFile> {
    const lang = serverLanguage(language);
    const { assessment, dimensions, actions } = await this.actions.planForExport(assessmentId, auth);
    const [institution] = (await this.db.query(`SELECT name FROM institution WHERE id = $1`, [
      assessment.institutionId,
    ])) as { name: string }[];
    const body = await renderActionPlan(
      {
        title: assessment.title,
        subject: assessment.subject,
        country: assessment.country,
        institutionName: institution?.name ?? '',
        exportedAt: new Date(),
        dimensions,
        actions,
      },
      lang,
    );
    await this.record('pdf', lang, assessment.id, assessment.institutionId, actions.length, auth, client);
    return { filename: filename('pdf'), body };
  }

  private record(
    format: 'csv' | 'pdf',
    language: string,
    assessmentId: string,
    institutionId: string,
    actions: number,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<void> {
    return this.audit.record({
      action: 'dgca_actions.exported',
      actor: { id: auth.userId, email: auth.email },
      target: { type: 'dgca_assessment', id: assessmentId },
      institutionId,
      client,
      details: { format, language, actions },
    });
  }
}

const filename = (extension: 'csv' | 'pdf') =>
  `action-plan-${new Date().toISOString().slice(0, 10)}.${extension}`;

import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { ConsensusService } from './consensus.service.js';
import { resultsCsv } from './results-csv.js';
import { renderResults } from './results-pdf.js';
import { serverLanguage } from '../../common/i18n/server-languages.js';
import { ResultsService, type ResultsData } from './results.service.js';

export interface ResultsFile {
  filename: string;
  body: string | Buffer;
}

/** The capability profile as CSV (managers) and PDF (managers, and participants once completed); audited. */
@Injectable()
export class ResultsExports {
  constructor(
    private readonly results: ResultsService,
    private readonly consensus: ConsensusService,
    private readonly audit: AuditService,
  ) {}

  async csv(id: string, language: string, auth: AuthContext, client: ClientInfo): Promise<ResultsFile> {
    const lang = serverLanguage(language);
    const data = await this.results.forManager(id, auth);
    const figures = await this.consensus.figures(data.assessment);
    await this.record(data, 'csv', lang, auth, client);
    return { filename: filename('csv'), body: resultsCsv(data.view, figures, lang) };
  }

  async pdf(id: string, language: string, auth: AuthContext, client: ClientInfo): Promise<ResultsFile> {
    return this.renderPdf(await this.results.forManager(id, auth), language, auth, client);
  }

  async participantPdf(
    id: string,
    language: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ResultsFile> {
    return this.renderPdf(await this.results.forParticipant(id, auth), language, auth, client);
  }

  private async renderPdf(
    data: ResultsData,
    language: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<ResultsFile> {
    const lang = serverLanguage(language);
    const body = await renderResults({ ...data, exportedAt: new Date() }, lang);
    await this.record(data, 'pdf', lang, auth, client);
    return { filename: filename('pdf'), body };
  }

  private record(
    data: ResultsData,
    format: 'csv' | 'pdf',
    language: string,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<void> {
    return this.audit.record({
      action: 'dgca_results.exported',
      actor: { id: auth.userId, email: auth.email },
      target: { type: 'dgca_assessment', id: data.assessment.id },
      institutionId: data.assessment.institutionId,
      client,
      details: { format, language, status: data.assessment.status },
    });
  }
}

const filename = (extension: 'csv' | 'pdf') =>
  `capability-profile-${new Date().toISOString().slice(0, 10)}.${extension}`;

import { Injectable, Logger } from '@nestjs/common';
import type { ClientErrorReport } from './client-error.dto.js';

@Injectable()
export class ClientErrorsService {
  private readonly logger = new Logger('ClientError');

  /** Reports go to the log (with the request id), where the operators' alerting already looks. */
  record(report: ClientErrorReport, userAgent: string | undefined): void {
    this.logger.warn(JSON.stringify({ ...report, userAgent: userAgent?.slice(0, 300) }));
  }
}

import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { APP_VERSION } from '../version.js';
import { DatabaseProbe } from './database-probe.js';
import type { LivenessResponse, ReadinessResponse } from './health.dto.js';

@Injectable()
export class HealthService {
  constructor(private readonly database: DatabaseProbe) {}

  liveness(): LivenessResponse {
    return { status: 'ok', version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()) };
  }

  async readiness(): Promise<ReadinessResponse> {
    if (await this.database.isUp()) return { status: 'ok', info: { database: { status: 'up' } } };
    throw new ProblemException({
      status: 503,
      type: ProblemType.Unavailable,
      detail: 'The database cannot be reached.',
      extensions: { info: { database: { status: 'down' } } },
    });
  }
}

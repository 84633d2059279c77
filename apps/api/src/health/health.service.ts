import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { APP_VERSION } from '../version.js';
import type { LivenessResponse, ReadinessResponse } from './health.dto.js';

@Injectable()
export class HealthService {
  constructor(
    private readonly checks: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  liveness(): LivenessResponse {
    return { status: 'ok', version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()) };
  }

  async readiness(): Promise<ReadinessResponse> {
    try {
      await this.checks.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
      return { status: 'ok', info: { database: { status: 'up' } } };
    } catch {
      throw new ProblemException({
        status: 503,
        type: ProblemType.Unavailable,
        detail: 'The database cannot be reached.',
        extensions: { info: { database: { status: 'down' } } },
      });
    }
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { LivenessResponse, ReadinessResponse } from './health.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public('Load balancers and monitors call it without credentials; it reveals only the version.')
  @ApiOperation({ summary: 'Liveness', description: 'Answers while the process is running.' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return this.health.liveness();
  }

  @Get('ready')
  @Public('Load balancers route traffic by it; it reveals only whether the database answers.')
  @ApiOperation({
    summary: 'Readiness',
    description: 'Answers 200 when the database can be reached, 503 otherwise.',
  })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ type: ProblemDetails, description: 'The database cannot be reached.' })
  ready(): Promise<ReadinessResponse> {
    return this.health.readiness();
  }
}

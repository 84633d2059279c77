import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin } from '../common/access/access-rule.js';
import { AuditEventPage, AuditEventQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Read the audit log',
    description: 'Newest first; filter by action prefix, actor, target, institution and time.',
  })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: AuditEventQuery): Promise<AuditEventPage> {
    return this.audit.list(query);
  }
}

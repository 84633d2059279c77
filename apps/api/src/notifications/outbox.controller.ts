import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { MailMessageView, OutboxPage, OutboxQuery } from './outbox.dto.js';
import { OutboxService } from './outbox.service.js';

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @PlatformAdmin()
  @ApiOperation({ summary: 'List sent mail', description: 'Every message the platform sent, newest first.' })
  @ApiOkResponse({ type: OutboxPage })
  list(@Query() query: OutboxQuery): Promise<OutboxPage> {
    return this.outbox.list(query);
  }

  @Get(':id')
  @PlatformAdmin()
  @ApiOperation({ summary: 'Read one message' })
  @ApiOkResponse({ type: MailMessageView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MailMessageView> {
    return this.outbox.get(id);
  }
}

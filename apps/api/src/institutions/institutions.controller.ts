import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { InstitutionListQuery, InstitutionPage } from './institution.dto.js';
import { InstitutionsService } from './institutions.service.js';

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @Public('The directory of participating institutions is public information shown on the home page.')
  @ApiOperation({
    summary: 'List institutions',
    description: 'Participating institutions, by country then name.',
  })
  @ApiOkResponse({ type: InstitutionPage })
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@Query() query: InstitutionListQuery): Promise<InstitutionPage> {
    return this.institutions.list(query);
  }
}

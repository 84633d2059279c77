import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { CatalogueCourseDetail, CatalogueFacets, CataloguePage, CatalogueQuery } from './catalogue.dto.js';
import { CatalogueService } from './catalogue.service.js';

const PUBLIC_CATALOGUE =
  'The catalogue of published courses is public: anyone may see what there is to learn.';

@ApiTags('courses')
@Controller('courses')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public(PUBLIC_CATALOGUE)
  @ApiOperation({
    summary: 'List published courses',
    description:
      'As their latest version describes them, by title; `query` searches title, summary and topics. ' +
      'The filters narrow the list together: `topic` and `language` match any of the values given.',
  })
  @ApiOkResponse({ type: CataloguePage })
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@Query() query: CatalogueQuery): Promise<CataloguePage> {
    return this.catalogue.list(query);
  }

  // Declared before ':slug'; "facets" is also a reserved course slug so no course hides behind it.
  @Get('facets')
  @Public(PUBLIC_CATALOGUE)
  @ApiOperation({
    summary: 'What the catalogue can be filtered by',
    description:
      'Topics, languages and length bands with how many published courses have each, for building filter controls.',
  })
  @ApiOkResponse({ type: CatalogueFacets })
  facets(): Promise<CatalogueFacets> {
    return this.catalogue.facets();
  }

  @Get(':slug')
  @Public(PUBLIC_CATALOGUE)
  @ApiOperation({
    summary: 'Get a published course',
    description: "The latest version's metadata and outline (titles only, no lesson bodies).",
  })
  @ApiOkResponse({ type: CatalogueCourseDetail })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@Param('slug') slug: string): Promise<CatalogueCourseDetail> {
    return this.catalogue.get(slug);
  }
}

import { Body, Controller, Delete, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from './course-scope.js';
import { CourseDetail, CreatedOutlineItem } from './courses.dto.js';
import {
  CreateActivityRequest,
  CreateModuleRequest,
  ReorderOutlineRequest,
  RevisionQuery,
  UpdateActivityRequest,
  UpdateModuleRequest,
} from './outline.dto.js';
import { OutlineService } from './outline.service.js';

const STALE = {
  type: ProblemDetails,
  description: 'The revision is stale: `current` holds the course as it is.',
};

/** Every change here takes the course revision, bumps it, answers with the course and is audited. */
@ApiTags('studio')
@ApiOkResponse({ type: CourseDetail })
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({ type: ProblemDetails })
@ApiConflictResponse(STALE)
@Controller('studio/courses/:id')
export class OutlineController {
  constructor(private readonly outline: OutlineService) {}

  @Post('modules')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Add a module', description: 'At `position`, or at the end.' })
  @ApiCreatedResponse({ type: CreatedOutlineItem })
  addModule(
    @UuidParam('id') id: string,
    @Body() body: CreateModuleRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CreatedOutlineItem> {
    return this.outline.addModule(id, body, auth, client);
  }

  @Patch('modules/:moduleId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Change a module', description: 'Only the fields sent change.' })
  updateModule(
    @UuidParam('id') id: string,
    @UuidParam('moduleId') moduleId: string,
    @Body() body: UpdateModuleRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.outline.updateModule(id, moduleId, body, auth, client);
  }

  @Delete('modules/:moduleId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Delete a module', description: 'With its activities and their content.' })
  deleteModule(
    @UuidParam('id') id: string,
    @UuidParam('moduleId') moduleId: string,
    @Query() query: RevisionQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.outline.deleteModule(id, moduleId, query.revision, auth, client);
  }

  @Put('outline')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Reorder the outline',
    description:
      'The whole order at once (drag and drop, keyboard reordering): every module and activity exactly once; activities may move between modules.',
  })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'The ids differ from the course’s.' })
  reorder(
    @UuidParam('id') id: string,
    @Body() body: ReorderOutlineRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.outline.reorder(id, body, auth, client);
  }

  @Post('modules/:moduleId/activities')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Add an activity',
    description: 'Of a registered kind, at `position` or at the end.',
  })
  @ApiCreatedResponse({ type: CreatedOutlineItem })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'Unknown kind; `knownKinds` lists them.',
  })
  addActivity(
    @UuidParam('id') id: string,
    @UuidParam('moduleId') moduleId: string,
    @Body() body: CreateActivityRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CreatedOutlineItem> {
    return this.outline.addActivity(id, moduleId, body, auth, client);
  }

  @Patch('activities/:activityId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Change an activity', description: 'Its title or whether it is required.' })
  updateActivity(
    @UuidParam('id') id: string,
    @UuidParam('activityId') activityId: string,
    @Body() body: UpdateActivityRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.outline.updateActivity(id, activityId, body, auth, client);
  }

  @Delete('activities/:activityId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Delete an activity', description: 'With its content.' })
  deleteActivity(
    @UuidParam('id') id: string,
    @UuidParam('activityId') activityId: string,
    @Query() query: RevisionQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.outline.deleteActivity(id, activityId, query.revision, auth, client);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  AddCohortMemberRequest,
  AddCohortMemberResponse,
  CohortMemberPage,
  CohortMemberQuery,
  MoveCohortMemberRequest,
  MoveCohortMemberResponse,
} from './cohort-members.dto.js';
import { CohortMembersService } from './cohort-members.service.js';

const HIDDEN = 'No such cohort that you may see (or no such member of it).';
const CLOSED = 'The cohort is closed (`code: cohort-closed`).';

@ApiTags('cohorts')
@Controller('studio/cohorts/:id')
export class CohortMembersController {
  constructor(private readonly members: CohortMembersService) {}

  @Get('members')
  @Roles(InstitutionRole.InstitutionAdmin, InstitutionRole.Trainer)
  @ApiOperation({
    summary: "List a cohort's people",
    description: 'Members, and people invited who have not accepted yet (`kind: invited`), by name.',
  })
  @ApiOkResponse({ type: CohortMemberPage })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  list(
    @UuidParam('id') id: string,
    @Query() query: CohortMemberQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CohortMemberPage> {
    return this.members.list(id, query, auth);
  }

  @Post('members')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Add someone to a cohort',
    description:
      'By e-mail. With an account: they become a member, are enrolled in every course of the cohort and told by e-mail. Without: they are invited (as learners of the institution, in `language`) and become members when they accept. Adding again changes nothing.',
  })
  @ApiCreatedResponse({ type: AddCohortMemberResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: `${CLOSED} Or outside the enrolment window (\`code: enrolment-window\`).`,
  })
  add(
    @UuidParam('id') id: string,
    @Body() body: AddCohortMemberRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AddCohortMemberResponse> {
    return this.members.add(id, body, auth, client);
  }

  @Delete('members/:userId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Remove a member from a cohort',
    description: 'They keep their enrolments and progress; they only leave the cohort.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED })
  async remove(
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.members.remove(id, userId, auth, client);
  }

  @Post('members/:userId/move')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Move a member to another cohort',
    description:
      "To an open cohort of the same institution. Their enrolments and progress are kept; they are enrolled in the target's courses.",
  })
  @ApiOkResponse({ type: MoveCohortMemberResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: `Either cohort is closed, or the target's enrolment window is shut.`,
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'The target is this cohort, or of another institution.',
  })
  move(
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @Body() body: MoveCohortMemberRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<MoveCohortMemberResponse> {
    return this.members.move(id, userId, body.toCohortId, auth, client);
  }

  @Delete('invitees/:invitationId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: "Withdraw someone's invitation to a cohort",
    description: 'Their link stops working, unless the same invitation also brings them into another cohort.',
  })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: 'No such cohort, or no pending invitation to it.',
  })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED })
  async revokeInvitee(
    @UuidParam('id') id: string,
    @UuidParam('invitationId') invitationId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.members.revokeInvitee(id, invitationId, auth, client);
  }
}

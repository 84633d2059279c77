import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { HIDDEN } from './assessments.controller.js';
import { AddParticipantsRequest, AddParticipantsResponse, ParticipantsView } from './participants.dto.js';
import { ParticipantsService } from './participants.service.js';

@ApiTags('dgca')
@Controller('studio/dgca/assessments/:id')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get('participants')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: "List an assessment's participants and invitees",
    description: 'How far each participant got (answered, submitted) — never what they answered.',
  })
  @ApiOkResponse({ type: ParticipantsView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  list(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ParticipantsView> {
    return this.participants.list(id, auth);
  }

  @Post('participants')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Add participants by e-mail',
    description:
      "People with an account take part at once (and are mailed if the individual round is open); others are invited to the assessment's institution as learners, and take part when they accept.",
  })
  @ApiOkResponse({ type: AddParticipantsResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The assessment is completed (`code: assessment-completed`).',
  })
  add(
    @UuidParam('id') id: string,
    @Body() body: AddParticipantsRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AddParticipantsResponse> {
    return this.participants.add(id, body, auth, client);
  }

  @Delete('participants/:participantId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Remove a participant',
    description: 'Their ratings go too. Not once the consensus round has opened.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: `${HIDDEN} Or no such participant (\`participant-not-found\`).`,
  })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'The consensus round has opened (`code: round-closed`) or the assessment is completed (`assessment-completed`).',
  })
  async remove(
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.participants.remove(id, participantId, auth, client);
  }

  @Delete('invitees/:invitationId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Withdraw an invitee',
    description:
      "Accepting the invitation no longer makes them a participant. The invitation to the institution stays (it may bring them into cohorts too); withdraw it from the institution's invitations if need be.",
  })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: `${HIDDEN} Or no such pending invitation (\`invitee-not-found\`).`,
  })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The assessment is completed (`code: assessment-completed`).',
  })
  async removeInvitee(
    @UuidParam('id') id: string,
    @UuidParam('invitationId') invitationId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.participants.removeInvitee(id, invitationId, auth, client);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { contextOf } from './auth.controller';
import { LoginResponse } from './dto/login.dto';
import { MembershipList, SwitchOrganisationRequest } from './dto/membership.dto';
import { MembershipsService } from './memberships.service';
import { deliverSession } from './refresh-cookie';

/** People in several schools (process.md §7, docs/sign-in.md). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class MembershipsController {
  constructor(
    private readonly memberships: MembershipsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('organisations')
  @Allow('profile:read')
  @ApiOperation({ summary: 'The schools the caller belongs to, each with their roles there; `current`: the one this session acts in' })
  @ApiOkResponse({ type: MembershipList })
  listMemberships(@CurrentActor() actor: Actor): Promise<MembershipList> {
    return this.memberships.list(actor);
  }

  @Post('organisation')
  @HttpCode(200)
  @Allow('profile:read')
  @ApiOperation({
    summary: 'Act in another of the caller’s schools: this session ends and one starts there',
    description:
      'Where the same sign-in would be accepted there (a password where the school takes passwords; single sign-on with the same provider); ' +
      'otherwise 403 sign_in_there. A second factor already passed carries over. The new refresh token is delivered as at sign-in.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiForbiddenResponse({ description: 'sign_in_there: sign in to that school instead' })
  async switchOrganisation(
    @CurrentActor() actor: Actor,
    @Body() body: SwitchOrganisationRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const issued = await this.memberships.switchTo(actor, body.organisationId, contextOf(request));
    return deliverSession(issued, body.tokenDelivery ?? 'cookie', reply, this.config.cookieSecure);
  }
}

import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { contextOf } from './auth.controller';
import { RecoveryCodesResponse, SecondFactorCodeRequest, SecondFactorEnrolmentResponse, SecondFactorPassedResponse } from './dto/second-factor.dto';
import { OpenDuringPasswordChange } from './password-change';
import { SecondFactorService } from './second-factor.service';
import { OpenDuringSecondFactor } from './second-factor-gate';

/** Two-factor authentication (process.md §7, docs/sign-in.md). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Post('auth/second-factor/enrolment')
  @HttpCode(200)
  @Allow('profile:read')
  @OpenDuringSecondFactor()
  @OpenDuringPasswordChange()
  @ApiOperation({
    summary: 'Start setting up an authenticator app: a new TOTP secret and its QR code',
    description: 'Confirmed by the first code (POST /auth/second-factor/enrolment/confirm). Once set up, 409 second_factor_enrolled.',
  })
  @ApiOkResponse({ type: SecondFactorEnrolmentResponse })
  @ApiConflictResponse({ description: 'second_factor_enrolled' })
  startSecondFactorEnrolment(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolmentResponse> {
    return this.secondFactor.startEnrolment(actor);
  }

  @Post('auth/second-factor/enrolment/confirm')
  @HttpCode(200)
  @Allow('profile:read')
  @OpenDuringSecondFactor()
  @OpenDuringPasswordChange()
  @ApiOperation({
    summary: 'Finish setting up the authenticator with its first code: ten recovery codes, shown once',
    description: 'The session has then passed its second factor. Wrong codes count towards a limit (429).',
  })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  @ApiConflictResponse({ description: 'second_factor_enrolled, or no_enrolment' })
  @ApiTooManyRequestsResponse({ description: 'too many wrong codes; see Retry-After' })
  async confirmSecondFactorEnrolment(
    @CurrentActor() actor: Actor,
    @Body() body: SecondFactorCodeRequest,
    @Req() request: FastifyRequest,
  ): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.secondFactor.confirmEnrolment(actor, body.code, contextOf(request)) };
  }

  @Post('auth/second-factor/verify')
  @HttpCode(200)
  @Allow('profile:read')
  @OpenDuringSecondFactor()
  @OpenDuringPasswordChange()
  @ApiOperation({
    summary: 'Pass the second factor: a code of the authenticator app, or a recovery code (used up)',
    description: 'A code is good once (RFC 6238 §5.2). Wrong codes count towards a limit per person (429).',
  })
  @ApiOkResponse({ type: SecondFactorPassedResponse })
  @ApiConflictResponse({ description: 'no_enrolment: no authenticator set up yet' })
  @ApiTooManyRequestsResponse({ description: 'too many wrong codes; see Retry-After' })
  async verifySecondFactor(
    @CurrentActor() actor: Actor,
    @Body() body: SecondFactorCodeRequest,
    @Req() request: FastifyRequest,
  ): Promise<SecondFactorPassedResponse> {
    const { recoveryCodesLeft } = await this.secondFactor.verify(actor, body.code, contextOf(request));
    return { secondFactor: 'passed', recoveryCodesLeft };
  }

  @Post('users/:id/second-factor-reset')
  @HttpCode(204)
  @Allow('users:manage')
  @ApiTags('people')
  @ApiOperation({
    summary: 'Remove a person’s authenticator and recovery codes (admin): they set one up again at their next sign-in',
    description: 'Every session of theirs ends. Never one’s own (409 own_second_factor_reset).',
  })
  @ApiNoContentResponse({ description: 'reset' })
  async resetSecondFactor(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    await this.secondFactor.reset(actor, id);
  }
}

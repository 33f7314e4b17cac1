import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { SuspensionRequest, SuspensionResponse, SuspensionReviewRequest } from './dto/suspension.dto';
import { SuspensionsService } from './suspensions.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/suspensions')
export class SuspensionsController {
  constructor(private readonly suspensions: SuspensionsService) {}

  @Post()
  @Allow('outcome:decide')
  @ApiOperation({
    summary: 'Suspend a subject of the case on full pay, as a precaution during the process (ACAS Code; KCSIE Part 4: never automatic)',
    description:
      'By the acting decision-maker, while the case is reported, under investigation, awaiting the decision or at its hearing. Records why (the grounds and reasons), ' +
      'the alternatives considered, and a review date at most 4 weeks after the start. Not a sanction; it ends at the latest with the outcome. ' +
      'One active suspension per subject (409 already_suspended).',
  })
  @ApiConflictResponse({ description: 'already_suspended; invalid_transition (the outcome is recorded)' })
  @CreatesRecord('/cases/{id}/suspensions/{suspensionId}', { type: CaseRecordCreatedResponse, from: { suspensionId: 'createdId' } })
  recordSuspension(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SuspensionRequest): Promise<CaseResponse> {
    return this.suspensions.suspend(actor, id, body);
  }

  @Get(':suspensionId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A suspension of the case, with its reviews (the read is audited)' })
  @ApiOkResponse({ type: SuspensionResponse })
  getSuspension(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('suspensionId') suspensionId: string): Promise<SuspensionResponse> {
    return this.suspensions.get(actor, id, suspensionId);
  }

  @Post(':suspensionId/reviews')
  @HttpCode(200)
  @Allow('outcome:decide')
  @ApiOperation({
    summary: 'Review a suspension by its review date: continue it (reasons, next review date at most 4 weeks ahead) or end it (reasons)',
    description:
      'A suspension not reviewed by its review date has lapsed: 409 suspension_lapsed (record a new one if still needed); an ended one 409 suspension_ended.',
  })
  @ApiOkResponse({ type: CaseResponse })
  @ApiConflictResponse({ description: 'suspension_lapsed; suspension_ended' })
  recordSuspensionReview(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('suspensionId') suspensionId: string,
    @Body() body: SuspensionReviewRequest,
  ): Promise<CaseResponse> {
    return this.suspensions.review(actor, id, suspensionId, body);
  }
}

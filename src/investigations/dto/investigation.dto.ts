import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { AtLeastOneOf, ExactlyOneOf } from '../../common/validation/exactly-one-of';
import { MISUSE_CATEGORIES, MisuseCategory, POLICY_STANDARDS, PolicyStandard } from '../../policy/vocabulary';
import { Finding, RECORDABLE_FINDINGS, INTERVIEW_CAPACITIES, InterviewCapacity, NOTICE_METHODS, NoticeMethod } from '../investigation.rules';
import { NotBlank } from '../../common/validation/not-blank';

const TEXT = 20_000;

export class AssignRequest {
  @ApiProperty({ format: 'uuid', description: 'a user holding investigating_manager' })
  @IsId()
  investigatorUserId: string;
}

export class AllegationRequest {
  @ApiPropertyOptional({ enum: POLICY_STANDARDS, description: '§7.1–7.8 or §8' })
  @ValidateIf((o: AllegationRequest) => o.policyStandard !== undefined || o.category === undefined)
  @AtLeastOneOf(['policyStandard', 'category'])
  @IsIn(POLICY_STANDARDS)
  policyStandard?: PolicyStandard;

  @ApiPropertyOptional({ enum: MISUSE_CATEGORIES, description: 'Appendix A' })
  @IsOptional()
  @IsIn(MISUSE_CATEGORIES)
  category?: MisuseCategory;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  summary: string;
}

export class FactRequest {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  occurredAt: string;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  description: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'evidence of this case the fact rests on' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsId({ each: true })
  evidenceIds: string[];
}

export class InterviewRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'give staffId or name' })
  @IsOptional()
  @IsId()
  staffId?: string;

  @ApiPropertyOptional({ description: 'for a witness outside the staff directory' })
  @ValidateIf((o: InterviewRequest) => o.name !== undefined || o.staffId === undefined)
  @ExactlyOneOf(['staffId', 'name'])
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: INTERVIEW_CAPACITIES })
  @IsIn(INTERVIEW_CAPACITIES)
  capacity: InterviewCapacity;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  heldAt: string;

  @ApiPropertyOptional({ description: 'companion or representative present' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  accompaniedBy?: string;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  statement: string;
}

export class SubjectNotificationRequest {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  sentAt: string;

  @ApiProperty({ enum: NOTICE_METHODS, description: 'in writing (ACAS Code)' })
  @IsIn(NOTICE_METHODS)
  method: NoticeMethod;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsId({ each: true })
  allegationIds: string[];
}

export class SubjectResponseRequest {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  receivedAt: string;

  @ApiProperty({ description: "the subject's response, or how they declined to respond" })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  response: string;

  @ApiPropertyOptional({ description: 'the subject declined to respond (recorded instead of a response)' })
  @IsOptional()
  @IsBoolean()
  refusedToRespond?: boolean;
}

export class FindingRequest {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  allegationId: string;

  @ApiProperty({
    enum: RECORDABLE_FINDINGS,
    description:
      "substantiated, not_substantiated or inconclusive; on a safeguarding case KCSIE Part 4's categories instead: substantiated, malicious, false, unsubstantiated, unfounded (their definitions: GET /policy kcsieFindings)",
  })
  @IsIn(RECORDABLE_FINDINGS)
  finding: Finding;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  reasoning: string;
}

export class SubmitReportRequest {
  @ApiProperty({ description: "the investigating manager's report for the decision-maker" })
  @IsString()
  @NotBlank()
  @MaxLength(50_000)
  summary: string;
}

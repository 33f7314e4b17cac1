import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotBlank } from '../../common/validation/not-blank';
import { NotInFuture } from '../../common/validation/not-in-future';
import { BARRING_BODIES, BarringBody } from '../referral-decisions.rules';

const TEXT = 20_000;

/** POST /cases/:id/lado-consultations (KCSIE Part 4, process.md §3). */
export class LadoConsultationRequest {
  @ApiProperty({
    format: 'date-time',
    description:
      'when the LADO was consulted; a consultation after its due time (one working day after the report) is recorded all the same, and shown as late',
  })
  @IsTimestamp()
  @NotInFuture()
  consultedAt: string;

  @ApiProperty({ description: 'the LADO (or their office) consulted', example: 'J. Smith, LADO, Peterborough City Council' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  ladoName: string;

  @ApiProperty({ description: "the LADO's advice" })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  advice: string;

  @ApiProperty({ description: 'whether the LADO judged the harm threshold met (KCSIE Part 4)' })
  @IsBoolean()
  thresholdMet: boolean;

  @ApiProperty({ format: 'uuid', description: 'the case manager: an active user of the organisation who is not a party to the case (usually the headteacher)' })
  @IsId()
  caseManagerUserId: string;
}

export class LadoConsultationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) consultedAt: string;
  @ApiProperty() ladoName: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld (a reporter or witness of the case)' }) advice: string | null;
  @ApiProperty() thresholdMet: boolean;
  @ApiProperty({ format: 'uuid' }) caseManagerUserId: string;
  @ApiProperty({ description: 'consulted after the due time (one working day after the report)' }) late: boolean;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the advice' }) withheld: boolean;
}

export class LadoResponse {
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'a safeguarding case: the LADO is consulted by then (one working day after the report); null otherwise',
  })
  dueBy: string | null;
  @ApiProperty({ description: 'a safeguarding case past dueBy with no consultation recorded' }) overdue: boolean;
  @ApiProperty({ type: [LadoConsultationResponse] }) consultations: LadoConsultationResponse[];
}

/** POST /cases/:id/referral-decisions (KCSIE Part 4, process.md §3). */
export class ReferralDecisionRequest {
  @ApiProperty({ enum: BARRING_BODIES, description: 'dbs: the Disclosure and Barring Service; tra: the Teaching Regulation Agency (a teacher)' })
  @IsIn(BARRING_BODIES)
  body: BarringBody;

  @ApiProperty({ description: 'true: referred (give referredAt); false: not referred (give reasonNotReferred)' })
  @IsBoolean()
  referred: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the referral was made (with referred: true only)' })
  @IsOptional()
  @IsTimestamp()
  @NotInFuture()
  referredAt?: string;

  @ApiPropertyOptional({ description: 'why no referral is made (with referred: false only)' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  reasonNotReferred?: string;
}

export class ReferralDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BARRING_BODIES }) body: BarringBody;
  @ApiProperty() referred: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) referredAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when referred, or withheld' }) reasonNotReferred: string | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the reason' }) withheld: boolean;
}

/** KCSIE Part 4 in the case view: the LADO consultation and the DBS / TRA referral decisions. */
export class KcsieResponse {
  @ApiProperty({ type: LadoResponse }) lado: LadoResponse;
  @ApiProperty({ type: [ReferralDecisionResponse], description: 'every decision recorded, oldest first; the latest per body stands' })
  referralDecisions: ReferralDecisionResponse[];
  @ApiProperty({
    enum: BARRING_BODIES,
    isArray: true,
    description:
      'the referral decisions still missing before the case may close: a safeguarding case whose sanction in force is a dismissal needs the DBS decision, and the TRA decision when a subject is a teacher',
  })
  referralDecisionsRequired: BarringBody[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotBlank } from '../../common/validation/not-blank';
import { NotInFuture } from '../../common/validation/not-in-future';
import {
  REVIEW_DECISIONS,
  ReviewDecision,
  SUSPENSION_END_REASONS,
  SUSPENSION_GROUNDS,
  SUSPENSION_STATUSES,
  SuspensionEndReason,
  SuspensionGround,
  SuspensionStatus,
} from '../suspension.rules';

const TEXT = 20_000;

/** POST /cases/:id/suspensions (process.md §1; ACAS Code; KCSIE Part 4: never automatic). */
export class SuspensionRequest {
  @ApiProperty({ format: 'uuid', description: 'the person suspended: a subject of the case' })
  @IsId()
  subjectStaffId: string;

  @ApiProperty({ format: 'date-time', description: 'when the suspension starts (or started): not in the future, not before the reported activity was seen' })
  @IsTimestamp()
  @NotInFuture()
  startsAt: string;

  @ApiProperty({
    enum: SUSPENSION_GROUNDS,
    isArray: true,
    description: 'why a suspension is needed (process.md §1): a risk to pupils, to the evidence, to the investigation; at least one',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUSPENSION_GROUNDS.length)
  @ArrayUnique()
  @IsIn(SUSPENSION_GROUNDS, { each: true })
  grounds: SuspensionGround[];

  @ApiProperty({ description: 'the reasons: why the grounds hold in this case' })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  reasons: string;

  @ApiProperty({
    description:
      'the alternatives considered (KCSIE Part 4: suspension is never automatic — e.g. other duties, another site, supervision, working from home) and why they would not do',
  })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  alternativesConsidered: string;

  @ApiProperty({ format: 'date-time', description: 'the review date: after startsAt, at most 4 weeks (28 days) after it, and not already past' })
  @IsTimestamp()
  reviewBy: string;
}

/** POST /cases/:id/suspensions/:suspensionId/reviews (process.md §1). */
export class SuspensionReviewRequest {
  @ApiProperty({ enum: REVIEW_DECISIONS, description: 'continue the suspension (give the next reviewBy) or end it' })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiProperty({ description: 'the reasons for continuing or ending it' })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  reasons: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'continue only: the next review date, at most 4 weeks (28 days) after this review' })
  @IsOptional()
  @IsTimestamp()
  reviewBy?: string;
}

export class SuspensionReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'when the review was recorded' }) reviewedAt: string;
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld (a reporter or witness of the case)' }) reasons: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'continue: the next review date; end: null' }) reviewBy: string | null;
  @ApiProperty({ format: 'uuid' }) reviewedByUserId: string;
}

export class SuspensionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectStaffId: string;
  @ApiProperty() subjectName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: SUSPENSION_GROUNDS, isArray: true }) grounds: SuspensionGround[];
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld (a reporter or witness of the case)' }) reasons: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld (a reporter or witness of the case)' }) alternativesConsidered: string | null;
  @ApiProperty({ format: 'date-time', description: 'the review date set at the start' }) firstReviewBy: string;
  @ApiProperty({ format: 'date-time', description: 'the review date in force: the latest continuing review’s, or the one set at the start' })
  reviewBy: string;
  @ApiProperty({
    enum: SUSPENSION_STATUSES,
    description: 'active; ended (on review, or with the outcome); lapsed: not reviewed by reviewBy, so ended by the rule on that date',
  })
  status: SuspensionStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'when it ended; for a lapsed one, its review date' }) endedAt: string | null;
  @ApiProperty({ enum: [...SUSPENSION_END_REASONS, 'lapsed', null], nullable: true, type: String, description: 'why it ended; null while active' })
  endReason: SuspensionEndReason | 'lapsed' | null;
  @ApiProperty({ type: [SuspensionReviewResponse], description: 'oldest first' }) reviews: SuspensionReviewResponse[];
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the reasons' }) withheld: boolean;
}

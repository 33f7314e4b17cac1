import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MISUSE_CATEGORIES, MisuseCategory, PLATFORMS, Platform, POLICY_STANDARDS, PolicyStandard } from '../../policy/vocabulary';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { ExactlyOneOf, OnlyWhen } from '../../common/validation/exactly-one-of';
import { IsId } from '../../common/validation/is-id';
import { NotBlank } from '../../common/validation/not-blank';

/** Who reported it: a staff member, or someone outside the directory (a parent) by name. */
export class ReporterInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'give staffId or name' })
  @IsOptional()
  @IsId()
  staffId?: string;

  @ApiPropertyOptional({ description: 'for reporters outside the staff directory' })
  @ValidateIf((o: ReporterInput) => o.name !== undefined || o.staffId === undefined)
  @ExactlyOneOf(['staffId', 'name'])
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'parent of a pupil' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  relationship?: string;
}

export class CreateReportRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'the staff member(s) concerned' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsId({ each: true })
  subjectStaffIds: string[];

  @ApiProperty({ enum: PLATFORMS, description: '§2' })
  @IsIn(PLATFORMS)
  platform: Platform;

  @ApiPropertyOptional({ description: 'the platform’s name, when platform is other (§2 "not exhaustive")' })
  @ValidateIf((o: CreateReportRequest) => o.platform === 'other' || o.platformOther !== undefined)
  @OnlyWhen((o) => o.platform === 'other', 'is only given when platform is other')
  @IsString()
  @NotBlank()
  @MaxLength(100)
  platformOther?: string;

  @ApiProperty({ format: 'date-time', description: 'when the post or activity was seen' })
  @IsTimestamp()
  @NotInFuture()
  observedAt: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @NotBlank()
  @MaxLength(10_000)
  description: string;

  @ApiPropertyOptional({ example: 'https://example.social/post/123' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiProperty({ enum: MISUSE_CATEGORIES, description: 'Appendix A' })
  @IsIn(MISUSE_CATEGORIES)
  category: MisuseCategory;

  @ApiProperty({ enum: POLICY_STANDARDS, isArray: true, description: '§7.1–7.8 and §8 the activity may breach' })
  @IsArray()
  @ArrayMaxSize(POLICY_STANDARDS.length)
  @ArrayUnique()
  @IsIn(POLICY_STANDARDS, { each: true })
  policyStandards: PolicyStandard[];

  @ApiProperty({ description: 'pupils involved: a safeguarding matter (§5)' })
  @IsBoolean()
  involvesPupils: boolean;

  @ApiPropertyOptional({ description: 'may meet the harm threshold: a safeguarding matter (§5)' })
  @IsOptional()
  @IsBoolean()
  mayMeetHarmThreshold?: boolean;

  @ApiProperty({ type: ReporterInput })
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterInput)
  reporter: ReporterInput;
}

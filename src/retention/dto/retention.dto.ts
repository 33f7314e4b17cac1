import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validation/not-blank';

export class LegalHoldRequest {
  @ApiProperty({ example: 'Employment tribunal claim received' })
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  reason: string;
}

export class RetentionDueItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ format: 'date-time' }) retainUntil: string;
  @ApiProperty({ nullable: true, type: String }) sanction: string | null;
}

export class RetentionDuePage {
  @ApiProperty({ type: [RetentionDueItem] }) items: RetentionDueItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RetentionRunResponse {
  @ApiProperty({ type: [String], format: 'uuid', description: 'cases whose content was erased, leaving a tombstone' })
  erased: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'due cases that could not be erased this time (left whole, logged); the run went on' })
  failed: string[];
}

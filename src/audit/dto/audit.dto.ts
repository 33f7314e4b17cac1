import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { PeriodBound } from '../../common/validation/period-bound';
import { IsId } from '../../common/validation/is-id';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  actorId?: string;

  @PeriodBound('from', 'events that occurred on or after')
  from?: string;

  @PeriodBound('to', 'events that occurred up to')
  to?: string;
}

export class AuditEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the name of the account that acted, for people reading the log' }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the case’s reference (SMP-2026-0007), for people reading the log' }) caseReference: string | null;
  @ApiProperty({ nullable: true, type: String }) entityType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'null once erased under retention' }) payload: Record<string, unknown> | null;
  @ApiProperty() hash: string;
}

export class AuditPage {
  @ApiProperty({
    type: [AuditEventResponse],
    description:
      'the events the reader may read (domain.md "Audit reads"): not those of cases they may not see, nor those about themselves as a subject (an event whose entity is their own staff record)',
  })
  items: AuditEventResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ChainVerificationResponse {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'events checked' }) events: number;
  @ApiProperty() headHash: string;
  @ApiProperty({ nullable: true, type: Number, description: 'seq of the first link that fails' }) firstBrokenAt: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['gap', 'prev_hash', 'hash', 'payload', 'head'] }) problem: string | null;
  @ApiProperty({ description: 'events whose payload was erased under retention (§13)' }) erasedPayloads: number;
}

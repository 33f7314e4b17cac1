import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { CUSTODY_ACTIONS, EVIDENCE_KINDS, EvidenceKind, SENSITIVITIES, Sensitivity } from '../evidence.rules';
import { NotBlank } from '../../common/validation/not-blank';

/** The text fields of the multipart upload (validated like any body: unknown fields are refused). */
export class EvidenceUploadFields {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiProperty({ description: 'what it shows' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ description: "where it came from (a parent's screenshot, the school's web filter …)" })
  @IsString()
  @NotBlank()
  @MaxLength(1000)
  source: string;

  @ApiProperty({ format: 'date-time', description: 'when it was captured' })
  @IsTimestamp()
  @NotInFuture()
  capturedAt: string;

  @ApiPropertyOptional({ enum: SENSITIVITIES, default: 'personal', description: '§13' })
  @IsOptional()
  @IsIn(SENSITIVITIES)
  sensitivity?: Sensitivity;

  @ApiPropertyOptional({ format: 'uuid', description: 'the approved §9/§11 monitoring authorisation it was obtained under' })
  @IsOptional()
  @IsId()
  monitoringAuthorisationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'for a redacted copy: the item of this case it redacts' })
  @IsOptional()
  @IsId()
  redactsEvidenceId?: string;
}

/** The whole multipart form, for the OpenAPI document. */
export class EvidenceUploadForm extends EvidenceUploadFields {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the content; its part Content-Type is the declared media type' })
  file: unknown;
}

export class HandoverRequest {
  @ApiProperty({ description: 'to whom (name and organisation)', example: 'HR Services, Peterborough City Council' })
  @IsString()
  @NotBlank()
  @MaxLength(500)
  to: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  handedOverAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/**
 * An evidence item. A reader who may not read it (special category, domain.md "Data
 * protection"; or a reporter or witness of the case) sees that it exists — kind, dates,
 * hash — and `withheld: true`, with the other fields null.
 */
export class EvidenceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ format: 'date-time' }) capturedAt: string;
  @ApiProperty({ enum: SENSITIVITIES }) sensitivity: Sensitivity;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({ nullable: true, type: Number, description: 'bytes' }) size: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'sniffed from the content', example: 'image/png' }) mediaType: string | null;
  @ApiProperty({ nullable: true, type: String }) originalFilename: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) redactsEvidenceId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) monitoringAuthorisationId: string | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'true: the reader may not read this item; only its existence is shown' }) withheld: boolean;
}

export class CustodyEventResponse {
  @ApiProperty({ enum: CUSTODY_ACTIONS }) action: string;
  @ApiProperty({ format: 'date-time', description: 'when it was recorded' }) at: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'hand-overs: the recipient' }) to: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'hand-overs: when it changed hands' }) handedOverAt: string | null;
}

/** GET /cases/:id/evidence/:evidenceId: the item and its chain of custody, oldest first. */
export class EvidenceDetailResponse extends EvidenceResponse {
  @ApiProperty({ type: [CustodyEventResponse] }) custody: CustodyEventResponse[];
}

import { ApiProperty } from '@nestjs/swagger';
import { MISUSE_CATEGORIES, POLICY_STANDARDS } from '../../policy/vocabulary';

export class ReferenceCheckStaff {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
}

export class ReferenceFindingResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'SMP-2026-0007' }) reference: string;
  @ApiProperty({ format: 'uuid' }) allegationId: string;
  @ApiProperty({ enum: [...POLICY_STANDARDS, null], nullable: true, type: String }) policyStandard: string | null;
  @ApiProperty({ enum: [...MISUSE_CATEGORIES, null], nullable: true, type: String }) category: string | null;
  @ApiProperty({ description: 'the allegation, as recorded' }) summary: string;
  @ApiProperty({ enum: ['substantiated'] }) finding: 'substantiated';
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ReferenceWarningResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'SMP-2026-0007' }) reference: string;
  @ApiProperty({ enum: ['first_written_warning', 'final_written_warning'] }) sanction: 'first_written_warning' | 'final_written_warning';
  @ApiProperty({ format: 'date-time', description: 'when it was decided (on appeal, when it was varied to it)' }) decidedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** GET /staff/:id/reference-check (KCSIE Part 4, process.md §3). */
export class ReferenceCheckResponse {
  @ApiProperty({ type: ReferenceCheckStaff }) staff: ReferenceCheckStaff;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty({
    type: [ReferenceFindingResponse],
    description:
      'substantiated findings of concluded safeguarding cases (closed, not withdrawn on appeal); never malicious, false, unsubstantiated or unfounded',
  })
  substantiatedSafeguardingFindings: ReferenceFindingResponse[];
  @ApiProperty({ type: [ReferenceWarningResponse], description: 'warnings in force (after any appeal) that have not expired; never a spent one' })
  liveWarnings: ReferenceWarningResponse[];
}

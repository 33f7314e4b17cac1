import { ApiProperty } from '@nestjs/swagger';
import { MISUSE_CATEGORIES, POLICY_STANDARDS } from '../../policy/vocabulary';
import { RECORDABLE_FINDINGS } from '../../investigations/investigation.rules';

/** Response shapes of the case-view sections other modules contribute (documentation for /docs). */
export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) investigatorUserId: string;
  @ApiProperty({ format: 'uuid' }) assignedByUserId: string;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
}

export class FindingResponse {
  @ApiProperty({ enum: RECORDABLE_FINDINGS, description: "on a safeguarding case, KCSIE Part 4's categories" }) finding: string;
  @ApiProperty() reasoning: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class AllegationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: POLICY_STANDARDS, nullable: true, type: String }) policyStandard: string | null;
  @ApiProperty({ enum: MISUSE_CATEGORIES, nullable: true, type: String }) category: string | null;
  @ApiProperty() summary: string;
  @ApiProperty({ type: FindingResponse, nullable: true }) finding: FindingResponse | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class FactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) description: string | null;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the statements and evidence' }) withheld: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) evidenceIds: string[];
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InterviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) staffId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['subject', 'witness'] }) capacity: string;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty({ nullable: true, type: String }) accompaniedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) statement: string | null;
  @ApiProperty({ description: "true: another person's statement, which a reporter or witness of the case does not read" }) withheld: boolean;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

export class SubjectNotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ enum: ['letter', 'email', 'hand_delivered'] }) method: string;
  @ApiProperty({ type: [String], format: 'uuid' }) allegationIds: string[];
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

export class SubjectResponseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) response: string | null;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the subject’s response' }) withheld: boolean;
  @ApiProperty() refusedToRespond: boolean;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

import { ApiProperty } from '@nestjs/swagger';

/** KCSIE Part 4: the case manager leads the allegation — the headteacher, the deputy head, or a governor where the head cannot. */
export const CASE_MANAGER_ROLES = ['headteacher', 'deputy_head', 'governor'] as const;
export type CaseManagerRole = (typeof CASE_MANAGER_ROLES)[number];

/** Someone who may be appointed investigating manager: an active account holding the role, with their staff record. */
export class InvestigatingManagerResponse {
  @ApiProperty({ format: 'uuid', description: 'the account: what POST /cases/:id/assign takes as investigatorUserId' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'their staff-directory entry, if linked' }) staffId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'from their staff-directory entry' }) jobTitle: string | null;
}

export class InvestigatingManagerPage {
  @ApiProperty({ type: [InvestigatingManagerResponse] }) items: InvestigatingManagerResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** Someone who may lead a safeguarding allegation as its case manager (KCSIE Part 4): an active account of those who lead casework. */
export class CaseManagerResponse extends InvestigatingManagerResponse {
  @ApiProperty({ format: 'uuid', description: 'the account: what POST /cases/:id/lado-consultations takes as caseManagerUserId' }) declare userId: string;
  @ApiProperty({ enum: CASE_MANAGER_ROLES, isArray: true, description: 'their roles among those who lead casework' }) roles: CaseManagerRole[];
}

export class CaseManagerPage {
  @ApiProperty({ type: [CaseManagerResponse] }) items: CaseManagerResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

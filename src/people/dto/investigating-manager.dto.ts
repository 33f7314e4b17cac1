import { ApiProperty } from '@nestjs/swagger';

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

import { ApiProperty } from '@nestjs/swagger';
import { CaseResponse } from './case.dto';

/**
 * The answer of a POST that records something on a case and answers with the updated case
 * (api.md "Conventions"): the case, and `createdId` naming the record, which the `Location`
 * header locates.
 */
export class CaseRecordCreatedResponse extends CaseResponse {
  @ApiProperty({ format: 'uuid', description: 'the id of the record this request created (for a finding: its allegation); `Location` is its path' })
  createdId: string;
}

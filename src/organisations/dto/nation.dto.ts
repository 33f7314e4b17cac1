import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Nation, NATIONS } from '../../calendar/bank-holidays';

export class NationResponse {
  @ApiProperty({
    enum: NATIONS,
    description: 'whose bank holidays the organisation’s working days skip (process.md §6; docs/calendar.md)',
  })
  nation: Nation;

  @ApiProperty({
    format: 'date',
    example: '2030-12-31',
    description: 'the last date the bank holidays are known to (the shipped data, or EXTRA_BANK_HOLIDAYS); after it, working days skip weekends only',
  })
  bankHolidaysKnownThrough: string;
}

/** PUT /organisation/nation. */
export class NationRequest {
  @ApiProperty({ enum: NATIONS })
  @IsIn(NATIONS)
  nation: Nation;
}

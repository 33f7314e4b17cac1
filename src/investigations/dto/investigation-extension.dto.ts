import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validation/not-blank';
import { MAX_EXTENSION_WORKING_DAYS } from '../investigation-extension.rules';

export class ExtensionRequest {
  @ApiProperty({ minimum: 1, maximum: MAX_EXTENSION_WORKING_DAYS, description: 'working days added to the investigation’s deadline (process.md §6)' })
  // the range is the rule's (investigation-extension.rules.ts `checkExtension`): 400 naming the field, after the access check
  @IsInt()
  workingDays: number;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'why more time is needed: on the record, and erased with the investigation (§13)' })
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  reason: string;
}

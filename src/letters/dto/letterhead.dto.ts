import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NotBlank } from '../../common/validation/not-blank';
import { LETTER_KIND_NAMES } from '../kinds';

export class LetterheadResponse {
  @ApiProperty({ description: 'the organisation’s name' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'postal address, one line per line' }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) signatoryName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'e.g. Headteacher' }) signatoryTitle: string | null;
}

/** A letterhead field a PATCH may set (text, not blank, at most `max` characters), leave out, or clear with null. */
function ClearableText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ nullable: true, type: String, maxLength: max, ...(description ? { description } : {}) }),
    IsOptional(),
    ValidateIf((_o, v) => v !== null),
    IsString(),
    NotBlank(),
    MaxLength(max),
  );
}

/** PATCH /organisation/letterhead: the fields given are set (null clears one). */
export class LetterheadRequest {
  @ClearableText(500, 'postal address, lines separated by \\n') address?: string | null;
  @ClearableText(200) signatoryName?: string | null;
  @ClearableText(200) signatoryTitle?: string | null;
}

export class PlaceholderResponse {
  @ApiProperty({ example: 'subject_name' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'cannot be removed from the wording' }) required: boolean;
}

export class LetterTemplateResponse {
  @ApiProperty({ enum: LETTER_KIND_NAMES, type: String }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the wording in use: paragraphs separated by a blank line, with {{placeholders}}' }) body: string;
  @ApiProperty({ description: 'the default wording' }) defaultBody: string;
  @ApiProperty({ description: 'the organisation adjusted the wording' }) adjusted: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ type: [PlaceholderResponse] }) placeholders: PlaceholderResponse[];
}

export class LetterTemplatesResponse {
  @ApiProperty({ type: [LetterTemplateResponse] }) items: LetterTemplateResponse[];
}

export class LetterTemplateRequest {
  @ApiProperty({ maxLength: 20_000, description: 'the wording: every required placeholder kept, no unknown one (422 `template_placeholders` otherwise)' })
  @IsString()
  @MaxLength(20_000)
  body: string;
}

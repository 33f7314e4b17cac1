import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { LETTER_KIND_NAMES } from '../kinds';
import { LETTER_FORMATS, LetterFormat, SENT_METHODS, SentMethod } from '../letter.rules';

const AUTHORS = ['investigator', 'decision_maker', 'appeal_hearer'];

/** Which letter of a kind: the record it is made from and the subject it is to (defaults: the latest record, the only subject). */
export class LetterChoice {
  @ApiPropertyOptional({ format: 'uuid', description: 'the record the letter is made from (a notice, the outcome, an appeal); default: the latest' })
  @IsOptional()
  @IsUUID('all')
  record?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the subject (staff id) the letter is to; required when the case has several' })
  @IsOptional()
  @IsUUID('all')
  subject?: string;
}

export class LetterQuery extends LetterChoice {
  @ApiPropertyOptional({ enum: LETTER_FORMATS, default: 'pdf', description: 'pdf (any script printed; the default) or docx (editable)' })
  @IsOptional()
  @IsIn(LETTER_FORMATS)
  format?: LetterFormat;
}

export class LetterSentRequest extends LetterChoice {
  @ApiProperty({ format: 'date-time', description: 'when it was sent: not in the future, not before the record it is made from' })
  @IsTimestamp()
  @NotInFuture()
  sentAt: string;

  @ApiProperty({ enum: SENT_METHODS })
  @IsIn(SENT_METHODS)
  method: SentMethod;
}

/** A letter of the case, generated or sent (the case view's `letters` section). */
export class CaseLetterResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LETTER_KIND_NAMES, type: String }) kind: string;
  @ApiProperty({ format: 'uuid', description: 'the record it is made from' }) recordId: string;
  @ApiProperty({ format: 'uuid', description: 'the subject it is to' }) subjectStaffId: string;
  @ApiProperty({ format: 'date-time' }) firstGeneratedAt: string;
  @ApiProperty({ format: 'date-time' }) lastGeneratedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'what satisfies the written step (process.md §2)' }) sentAt: string | null;
  @ApiProperty({ enum: SENT_METHODS, nullable: true, type: String }) sentMethod: string | null;
}

/** A letter the case's records allow, and its state. */
export class LetterItem {
  @ApiProperty({ enum: LETTER_KIND_NAMES, type: String }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the written step it is for' }) step: string;
  @ApiProperty({ enum: AUTHORS, description: 'who takes the step, and so generates the letter and records it sent' }) author: string;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ format: 'date-time', description: 'when the step’s record was made' }) recordAt: string;
  @ApiProperty({ format: 'uuid' }) subjectStaffId: string;
  @ApiProperty({ nullable: true, type: String }) subjectName: string | null;
  @ApiProperty({ enum: ['not_generated', 'generated', 'sent'] }) state: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastGeneratedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ enum: SENT_METHODS, nullable: true, type: String }) sentMethod: string | null;
  @ApiProperty({ description: 'whether the caller may generate it and record it sent' }) mayGenerate: boolean;
}

export class LetterKindResponse {
  @ApiProperty({ enum: LETTER_KIND_NAMES, type: String }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() step: string;
  @ApiProperty({ enum: AUTHORS }) author: string;
}

export class CaseLettersResponse {
  @ApiProperty({ type: [LetterItem], description: 'one per record and subject the case’s records allow, in the order of the process' }) items: LetterItem[];
  @ApiProperty({ type: [LetterKindResponse], description: 'every kind of letter the API makes' }) kinds: LetterKindResponse[];
}

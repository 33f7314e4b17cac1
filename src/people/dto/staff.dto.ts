import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { IsId } from '../../common/validation/is-id';
import { NotBlank } from '../../common/validation/not-blank';

const TEACHER = 'a teacher: a safeguarding case ending in their dismissal also needs the TRA referral decision (KCSIE Part 4)';

export class StaffResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
  @ApiProperty({ description: TEACHER }) teacher: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
}

export class CreateStaffRequest {
  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string;

  @ApiPropertyOptional({ description: `${TEACHER} (default false)` })
  @IsOptional()
  @IsBoolean()
  teacher?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'link to this person’s login, if they have one' })
  @IsOptional()
  @IsId()
  userId?: string;
}

/** PATCH /staff/:id: any of the fields (`teacher` true or false); `null` clears e-mail and job title, and `userId: null` unlinks the account. */
export class UpdateStaffRequest {
  @ApiPropertyOptional()
  @ValidateIf((_request, value) => value !== undefined)
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ description: TEACHER })
  @ValidateIf((_request, value) => value !== undefined)
  @IsBoolean()
  teacher?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'link this record to an account of the organisation (one record per account, one account per record); null unlinks it',
  })
  @IsOptional()
  @IsId()
  userId?: string | null;
}

/** GET /staff: the page, and `?q=` to search names. */
export class StaffQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of a name, any case', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class StaffPage {
  @ApiProperty({ type: [StaffResponse] }) items: StaffResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { NotBlank } from '../../common/validation/not-blank';

export class StaffResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
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

  @ApiPropertyOptional({ format: 'uuid', description: 'link to this person’s login, if they have one' })
  @IsOptional()
  @IsId()
  userId?: string;
}

export class StaffPage {
  @ApiProperty({ type: [StaffResponse] }) items: StaffResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from '../../access/roles';
import { User } from '../entities/user.entity';
import { NotBlank } from '../../common/validation/not-blank';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'their staff-directory entry' }) staffId: string | null;
}

export function toUserResponse(user: Pick<User, 'id' | 'email' | 'name' | 'roles' | 'organisationId' | 'active'>, staffId: string | null): UserResponse {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, organisationId: user.organisationId, active: user.active, staffId };
}

export class CreateUserRequest {
  @ApiProperty({ example: 'teacher@school.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'at least 12 characters; not the e-mail or name; not a commonly used password (NCSC guidance)',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

/** Optional, but never null: a field is either left out or given a value. */
const present = (_request: object, value: unknown) => value !== undefined;

/** PATCH /users/:id. Never one's own roles, never oneself deactivated, never the last active admin (people.rules.ts). */
export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @ValidateIf(present)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;
}

export class UserPage {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** POST /users/:id/password-reset: the temporary password, shown this once and never stored in clear. */
export class PasswordResetResponse {
  @ApiProperty({ description: 'give it to the person; they must choose their own at their next sign-in' })
  temporaryPassword: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SIGN_IN_METHODS, SignInMethod } from '../session.entity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'the last sign-in or refresh' }) lastUsedAt: string;
  @ApiProperty({ format: 'date-time', description: 'it ends then at the latest (SESSION_MAX_HOURS after sign-in)' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', description: 'it ends then unless used (refreshed) before (SESSION_IDLE_MINUTES)' }) idleExpiresAt: string;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ enum: SIGN_IN_METHODS }) signInMethod: SignInMethod;
  @ApiProperty({ description: 'the session of the token making this request' }) current: boolean;
}

export class SessionPage {
  @ApiProperty({ type: [SessionResponse] }) items: SessionResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'at least 12 characters; not your e-mail or name; not a commonly used password',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

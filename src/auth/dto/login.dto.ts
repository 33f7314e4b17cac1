import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { UserResponse } from '../../people/dto/user.dto';

export const TOKEN_DELIVERIES = ['cookie', 'body'] as const;
export type TokenDelivery = (typeof TOKEN_DELIVERIES)[number];

export class LoginRequest {
  @ApiProperty({ example: 'deputy@demo.school' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    enum: TOKEN_DELIVERIES,
    default: 'cookie',
    description: 'where the refresh token goes: an HttpOnly cookie (browsers), or `refreshToken` in the body (other clients)',
  })
  @IsOptional()
  @IsIn(TOKEN_DELIVERIES)
  tokenDelivery?: TokenDelivery;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'for a person in several organisations: which one to act in (default: the one they last signed in to)',
  })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;
}

/** What a session still needs before it opens casework (process.md §7). */
export const SECOND_FACTOR_STATES = ['not_required', 'passed', 'verify', 'enrol'] as const;
export type SecondFactorState = (typeof SECOND_FACTOR_STATES)[number];

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiProperty({ description: 'an admin reset the password: choose a new one (POST /auth/password) before anything else' })
  passwordChangeRequired: boolean;
  @ApiProperty({ description: 'the name of the user’s organisation (the school)' })
  organisationName: string;
  @ApiProperty({
    enum: SECOND_FACTOR_STATES,
    description:
      '`verify`: give a code (POST /auth/second-factor/verify); `enrol`: set up an authenticator first (POST /auth/second-factor/enrolment); ' +
      'until then every route but those of the second factor, GET /auth/me and POST /auth/logout answers 403 second_factor_required',
  })
  secondFactor: SecondFactorState;
  @ApiProperty({ description: 'seconds until the session ends unless it is used (refreshed) before: SESSION_IDLE_MINUTES, never past its end' })
  sessionIdleExpiresIn: number;
  @ApiProperty({ description: 'seconds until the session ends whatever happens (SESSION_MAX_HOURS after sign-in)' })
  sessionExpiresIn: number;
  @ApiPropertyOptional({ description: 'only when asked for with tokenDelivery "body" (or refreshed from the body); otherwise it is in the cookie' })
  refreshToken?: string;
}

/** POST /auth/refresh: the refresh token from the body, or (browsers) from the cookie. */
export class RefreshRequest {
  @ApiPropertyOptional({ description: 'the refresh token, for clients that keep it themselves; browsers send the cookie instead' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

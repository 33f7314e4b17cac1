import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROLES, Role } from '../../access/roles';

export class SsoSettingsRequest {
  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant id>/v2.0', description: 'the provider’s issuer (https; http only on loopback)' })
  @IsString()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(500)
  issuer: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  clientId: string;

  @ApiPropertyOptional({ description: 'left out: the secret already set is kept; never returned' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientSecret?: string;

  @ApiProperty({
    type: [String],
    example: ['school.example'],
    description: 'e-mail domains allowed to sign in this way (exact; a subdomain is listed on its own)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { each: true, message: 'each must be a domain such as school.example' })
  allowedDomains: string[];
}

/** PUT /organisation/sign-in (process.md §7). */
export class SignInSettingsRequest {
  @ApiProperty({ description: 'false: single sign-on only (needs `sso`)' })
  @IsBoolean()
  passwordSignIn: boolean;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'the roles whose holders must pass a second factor' })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  secondFactorRoles: Role[];

  @ApiProperty({ description: 'the provider’s own multi-factor sign-in (its `amr` claim) counts as the second factor' })
  @IsBoolean()
  acceptProviderMfa: boolean;

  @ApiProperty({ type: SsoSettingsRequest, nullable: true, description: 'null: no single sign-on' })
  @ValidateIf((_o, value) => value !== null)
  @IsDefined({ message: 'is required (null: no single sign-on)' })
  @IsObject()
  @ValidateNested()
  @Type(() => SsoSettingsRequest)
  sso: SsoSettingsRequest | null;
}

export class SsoSettingsResponse {
  @ApiProperty() issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ description: 'a secret is set (it is never shown)' }) clientSecretSet: boolean;
  @ApiProperty({ type: [String] }) allowedDomains: string[];
}

export class SignInSettingsResponse {
  @ApiProperty() passwordSignIn: boolean;
  @ApiProperty({ enum: ROLES, isArray: true }) secondFactorRoles: Role[];
  @ApiProperty({ description: 'secondFactorRoles is the default (every role that reads casework)' }) secondFactorRolesDefault: boolean;
  @ApiProperty() acceptProviderMfa: boolean;
  @ApiProperty({ type: SsoSettingsResponse, nullable: true }) sso: SsoSettingsResponse | null;
  @ApiProperty({ description: 'the redirect URI to register with the provider' }) redirectUri: string;
  @ApiProperty({ description: 'the web application’s sign-in page for this school, offering its single sign-on: the link to give its people' })
  signInUrl: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SecondFactorEnrolmentResponse {
  @ApiProperty({ description: 'the TOTP secret (base32), for typing into an app that cannot scan; shown only now' }) secret: string;
  @ApiProperty({ description: 'the otpauth:// URI the QR code holds' }) otpauthUri: string;
  @ApiProperty({ description: 'the QR code, an SVG document' }) qrCodeSvg: string;
}

export class SecondFactorCodeRequest {
  @ApiProperty({ description: 'the six-digit code of the authenticator app, or (to verify) one of the recovery codes', example: '123456' })
  @IsString()
  @MinLength(6)
  @MaxLength(32)
  code: string;
}

export class RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'ten one-time recovery codes, shown only now: keep them somewhere safe' }) recoveryCodes: string[];
}

export class SecondFactorPassedResponse {
  @ApiProperty({ enum: ['passed'] }) secondFactor: 'passed';
  @ApiProperty({ description: 'unused recovery codes left' }) recoveryCodesLeft: number;
}

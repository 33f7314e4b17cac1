import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ROLES, Role } from '../../access/roles';
import { TOKEN_DELIVERIES, TokenDelivery } from './login.dto';

export class MembershipResponse {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ description: 'the organisation this session acts in' }) current: boolean;
}

export class MembershipList {
  @ApiProperty({ type: [MembershipResponse] }) items: MembershipResponse[];
}

export class SwitchOrganisationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organisationId: string;

  @ApiPropertyOptional({ enum: TOKEN_DELIVERIES, default: 'cookie', description: 'as for POST /auth/login' })
  @IsOptional()
  @IsIn(TOKEN_DELIVERIES)
  tokenDelivery?: TokenDelivery;
}

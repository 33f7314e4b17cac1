import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../access/decorators';
import { DomainError } from '../common/errors/domain-error';

class HealthResponse {
  @ApiProperty({ example: 'ok' }) status: 'ok';
  @ApiProperty({ example: 'up' }) db: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the API and its database answer (no token needed)' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: 'the database does not answer' })
  async getHealth(): Promise<HealthResponse> {
    try {
      await this.health.check([() => this.database.pingCheck('db').withTimeout(2000)]);
      return { status: 'ok', db: 'up' };
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        throw new DomainError('service_unavailable', 'db_down', 'The database does not answer.');
      }
      throw error;
    }
  }
}

import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLogService } from './audit-log.service';
import { AuditVerifyService } from './audit-verify.service';
import { AuditService } from './audit.service';

/** Global: every feature module records its changes through AuditService. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditLogService, AuditVerifyService],
  exports: [AuditService],
})
export class AuditModule {}

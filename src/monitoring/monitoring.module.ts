import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

@Module({ imports: [CasesModule], controllers: [MonitoringController], providers: [MonitoringService] })
export class MonitoringModule {}

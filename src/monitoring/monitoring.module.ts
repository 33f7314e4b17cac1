import { Module, OnModuleInit } from '@nestjs/common';
import { CaseViewService } from '../cases/case-view.service';
import { CasesModule } from '../cases/cases.module';
import { MONITORING_SECTION } from './monitoring-view';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

@Module({ imports: [CasesModule], controllers: [MonitoringController], providers: [MonitoringService] })
export class MonitoringModule implements OnModuleInit {
  constructor(private readonly views: CaseViewService) {}

  onModuleInit(): void {
    this.views.register(MONITORING_SECTION);
  }
}

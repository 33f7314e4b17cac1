import { Module, OnModuleInit } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceReaper } from './evidence-reaper';
import { EvidenceStore } from './evidence-store';
import { EvidenceUploadService } from './evidence-upload.service';
import { EvidenceService } from './evidence.service';
import { MonitoringGate } from './monitoring-gate';

/** Evidence and its chain of custody (§4, §9; domain.md "Evidence"). */
@Module({
  imports: [CasesModule],
  controllers: [EvidenceController],
  providers: [EvidenceStore, EvidenceReaper, EvidenceUploadService, EvidenceService, MonitoringGate],
  exports: [EvidenceReaper],
})
export class EvidenceModule implements OnModuleInit {
  constructor(private readonly store: EvidenceStore) {}

  async onModuleInit(): Promise<void> {
    await this.store.cleanStaleTemp();
  }
}

import { Module } from '@nestjs/common';
import { CaseRunner } from './case-runner.service';
import { CaseViewService } from './case-view.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseViewService, CaseRunner],
  exports: [CaseViewService, CaseRunner],
})
export class CasesModule {}

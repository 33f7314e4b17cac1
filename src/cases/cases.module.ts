import { Module } from '@nestjs/common';
import { CaseViewService } from './case-view.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseViewService],
  exports: [CaseViewService],
})
export class CasesModule {}

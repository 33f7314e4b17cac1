import { Module } from '@nestjs/common';
import { CaseCommands } from './case-commands.service';
import { CaseViewService } from './case-view.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [CasesService, CaseViewService, CaseCommands],
  exports: [CaseViewService, CaseCommands],
})
export class CasesModule {}

import { Module, OnModuleInit } from '@nestjs/common';
import { CaseViewService } from '../cases/case-view.service';
import { CasesModule } from '../cases/cases.module';
import { OUTCOME_SECTIONS } from './outcome-view';
import { OutcomeService } from './outcome.service';
import { OutcomesController } from './outcomes.controller';

@Module({ imports: [CasesModule], controllers: [OutcomesController], providers: [OutcomeService] })
export class OutcomesModule implements OnModuleInit {
  constructor(private readonly views: CaseViewService) {}

  onModuleInit(): void {
    for (const section of OUTCOME_SECTIONS) this.views.register(section);
  }
}

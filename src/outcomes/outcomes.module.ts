import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OutcomeService } from './outcome.service';
import { OutcomesController } from './outcomes.controller';

@Module({ imports: [CasesModule], controllers: [OutcomesController], providers: [OutcomeService] })
export class OutcomesModule {}

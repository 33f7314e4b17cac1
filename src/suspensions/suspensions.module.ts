import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SuspensionsController } from './suspensions.controller';
import { SuspensionsService } from './suspensions.service';

/** Precautionary suspension (process.md §1; ACAS Code; KCSIE Part 4). */
@Module({ imports: [CasesModule], controllers: [SuspensionsController], providers: [SuspensionsService] })
export class SuspensionsModule {}

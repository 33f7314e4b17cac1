import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

@Module({ imports: [CasesModule, EvidenceModule], controllers: [RetentionController], providers: [RetentionService], exports: [RetentionService] })
export class RetentionModule {}

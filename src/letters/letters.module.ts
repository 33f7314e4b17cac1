import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DocumentsModule } from '../documents/documents.module';
import { LetterTemplatesService } from './letter-templates.service';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';
import { OrganisationLettersController } from './organisation-letters.controller';

/** Letters of the written steps (process.md §2): generated from the case's records, PDF and DOCX, on the letterhead. */
@Module({
  imports: [CasesModule, DocumentsModule],
  controllers: [LettersController, OrganisationLettersController],
  providers: [LettersService, LetterTemplatesService],
})
export class LettersModule {}

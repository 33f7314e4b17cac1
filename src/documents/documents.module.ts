import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PdfRenderer } from './pdf-renderer.service';

/** Printable documents: PDF rendering off the event loop (PdfRenderer), for the HR summary and letters. */
@Module({
  providers: [{ provide: PdfRenderer, useFactory: (config: AppConfig) => new PdfRenderer(config.pdfRender), inject: [APP_CONFIG] }],
  exports: [PdfRenderer],
})
export class DocumentsModule {}

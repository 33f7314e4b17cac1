import { boundDocument } from './document-bounds';
import { DEFAULT_LIMITS, DocumentLimits, PdfDocumentModel } from './document-model';
import { FontResolver } from './fonts/font-library';
import { layoutDocument } from './layout';
import { writePdf } from './pdf-writer';

/**
 * A document model to PDF bytes: bounded (document-bounds.ts), laid out on pages with a font
 * for every script (layout.ts), drawn with pdfkit (pdf-writer.ts). CPU-bound for as long as
 * the document is big: the API runs it in a worker thread (pdf-renderer.service.ts), never on
 * the event loop.
 */
export async function renderPdf(model: PdfDocumentModel, limits: DocumentLimits = DEFAULT_LIMITS): Promise<Buffer> {
  const bounded = boundDocument(model, limits);
  const laidOut = await layoutDocument(bounded, new FontResolver(), limits.maxPages);
  return writePdf(laidOut, bounded.metadata);
}

import PDFDocument from 'pdfkit';
import { DocumentMetadata } from './document-model';
import { Face } from './fonts/font-library';
import { LaidOutDocument, PAGE } from './layout';
import { shape, textWidth } from './text/shaping';

/**
 * Draws a laid-out document with pdfkit: each run at its place, in its face (embedded as a
 * subset), nothing left to pdfkit's own line breaking.
 *
 * The text of the PDF must read back as what was written (copy, search, pdf.js): pdfkit maps
 * each glyph of a font to the characters it was first drawn for, but shaping draws one glyph
 * for several characters (Noto Sans Arabic draws ر and the body of ز with one glyph, ز's dot
 * as another). So runs are encoded here: a glyph drawn for other characters than before gets
 * a copy of its own in the subset, and a glyph drawn for no character (that dot) reads as
 * U+2060 WORD JOINER, which text extraction leaves out.
 */
export async function writePdf(laidOut: LaidOutDocument, metadata: DocumentMetadata): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    lang: metadata.language ?? 'en-GB',
    displayTitle: true,
    info: {
      Title: metadata.title,
      ...(metadata.author ? { Author: metadata.author } : {}),
      ...(metadata.subject ? { Subject: metadata.subject } : {}),
      ...(metadata.createdAt ? { CreationDate: new Date(metadata.createdAt) } : {}),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const registered = new Set<string>();
  const use = (face: Face) => {
    if (!registered.has(face.key)) {
      doc.registerFont(face.key, face.font as unknown as string);
      registered.add(face.key);
    }
    doc.font(face.key);
    encodeRunsOf(doc, face);
  };

  for (const ops of laidOut.pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const op of ops) {
      if (op.kind === 'rule') {
        doc.moveTo(op.x1, op.y).lineTo(op.x2, op.y).lineWidth(op.width).strokeColor(op.color).stroke();
        continue;
      }
      use(op.face);
      doc
        .fontSize(op.size)
        .fillColor(op.color)
        .text(op.text, op.x, op.y, {
          lineBreak: false,
          baseline: 'alphabetic',
          features: { rtl: op.rtl } as never,
          textWidth: op.width,
        } as PDFKit.Mixins.TextOptions);
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** pdfkit's embedded font (internal): what encodeRunsOf replaces and uses. */
interface EmbeddedFont {
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  encode(text: string, features?: unknown): [string[], Array<Record<string, number>>];
  widthOfString(text: string, size: number, features?: unknown): number;
}

const WORD_JOINER = 0x2060;
const encoded = new WeakSet<object>();

/** Replaces the encoding of the current (embedded) font of `doc` by one that keeps the text right (see above). */
function encodeRunsOf(doc: PDFKit.PDFDocument, face: Face): void {
  const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
  if (encoded.has(embedded)) return;
  encoded.add(embedded);
  const glyphFor = new Map<string, number>();
  const rtlOf = (features: unknown) => (features as { rtl?: boolean } | undefined)?.rtl === true;

  embedded.widthOfString = (text, size, features) => textWidth(face, text, rtlOf(features), size);
  embedded.encode = (text, features) => {
    const run = shape(face, text, rtlOf(features));
    const hex: string[] = [];
    const positions: Array<Record<string, number>> = [];
    run.glyphs.forEach((glyph, i) => {
      const codePoints = glyph.codePoints.length > 0 ? glyph.codePoints : [WORD_JOINER];
      const key = `${glyph.id}:${codePoints.join(',')}`;
      let id = glyphFor.get(key);
      if (id === undefined) {
        id = embedded.subset.includeGlyph(glyph.id);
        if (embedded.unicode[id] !== undefined) {
          // the glyph already reads as other characters: a copy of it for these
          embedded.subset.glyphs.push(glyph.id);
          id = embedded.subset.glyphs.length - 1;
        }
        embedded.unicode[id] = codePoints;
        embedded.widths[id] = glyph.advanceWidth * embedded.scale;
        glyphFor.set(key, id);
      }
      hex.push(id.toString(16).padStart(4, '0'));
      const p = run.positions[i];
      positions.push({
        xAdvance: p.xAdvance * embedded.scale,
        yAdvance: p.yAdvance * embedded.scale,
        xOffset: p.xOffset * embedded.scale,
        yOffset: p.yOffset * embedded.scale,
        advanceWidth: glyph.advanceWidth * embedded.scale,
      });
    });
    return [hex, positions];
  };
}

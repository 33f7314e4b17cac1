import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { truncationNote } from './document-bounds';
import { DEFAULT_LIMITS, DocumentBlock, PdfDocumentModel } from './document-model';
import { FontResolver } from './fonts/font-library';
import { layoutDocument, Op } from './layout';
import { renderPdf } from './render-pdf';

/** The text of a PDF as pdf.js reads it (test/support/pdf-text.mjs). */
function pdfText(pdf: Buffer): { pages: number; text: string } {
  const out = execFileSync(process.execPath, [join(__dirname, '../../test/support/pdf-text.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  const { pages, text } = JSON.parse(out.toString()) as { pages: number; text: string[] };
  return { pages, text: text.join('\n').normalize('NFKC').replace(/\s+/g, ' ') };
}

const texts = (ops: Op[]) => ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
const model = (blocks: DocumentBlock[], extra: Partial<PdfDocumentModel> = {}): PdfDocumentModel => ({
  title: 'A long document',
  metadata: { title: 'A long document' },
  blocks,
  truncationHint: 'see the JSON summary',
  ...extra,
});
const paragraphs = (n: number): DocumentBlock[] => Array.from({ length: n }, (_v, i) => ({ kind: 'paragraph', text: `Paragraph ${i}` }));

describe('the page bound', () => {
  it('past the last page allowed, the blocks that do not fit are left out and a note on the last page counts them', async () => {
    const laidOut = await layoutDocument(model(paragraphs(300)), new FontResolver(), 2);
    expect(laidOut.pages).toHaveLength(2);
    const omitted = laidOut.omittedAtPageBound;
    expect(omitted).toBeGreaterThan(0);
    const last = texts(laidOut.pages[1]);
    expect(last).toContain(truncationNote(omitted, 'see the JSON summary'));
    // the blocks before the note are exactly those not counted
    const shown = texts(laidOut.pages.flat()).filter((t) => t.startsWith('Paragraph '));
    expect(shown).toHaveLength(300 - omitted);
    expect(shown.at(-1)).toBe(`Paragraph ${300 - omitted - 1}`);
  });

  it('counts the blocks the block and character bounds already left out', async () => {
    const laidOut = await layoutDocument(model(paragraphs(300), { omittedBlocks: 1000 }), new FontResolver(), 2);
    expect(texts(laidOut.pages[1])).toContain(truncationNote(laidOut.omittedAtPageBound + 1000, 'see the JSON summary'));
  });

  it('within the bound nothing is left out, and the note of the earlier bounds closes the document', async () => {
    const laidOut = await layoutDocument(model(paragraphs(300), { omittedBlocks: 7 }), new FontResolver(), 50);
    expect(laidOut.omittedAtPageBound).toBe(0);
    expect(texts(laidOut.pages.at(-1)!)).toContain(truncationNote(7, 'see the JSON summary'));
    expect(texts(laidOut.pages.flat()).filter((t) => t.startsWith('Paragraph '))).toHaveLength(300);
  });

  it('renderPdf applies every bound: a document far past them renders within the page bound, with the note', async () => {
    const limits = { ...DEFAULT_LIMITS, maxBlocks: 2_000, maxPages: 3 };
    const pdf = await renderPdf(model(paragraphs(5_000)), limits);
    const { pages, text } = pdfText(pdf);
    expect(pages).toBe(3);
    // (NFKC reads … as ...)
    expect(text).toMatch(/\.\.\. \d+ more items not shown; see the JSON summary\. /);
    const omitted = Number(/\.\.\. (\d+) more items/.exec(text)![1]);
    expect(text).toContain(`Paragraph ${5_000 - omitted - 1} `);
    expect(text).not.toContain(`Paragraph ${5_000 - omitted} `);
  });
});

describe('the text of the PDF reads back as written (ToUnicode)', () => {
  it('an Arabic name whose letters share a glyph (ر, and ز drawn as its body and a dot) reads back letter for letter', async () => {
    const { text } = pdfText(await renderPdf(model([{ kind: 'paragraph', text: 'الزهراء' }])));
    expect(text).toContain('الزهراء');
  });

  // The scripts of the languages most spoken in English schools after English, each in its own Noto font.
  it.each([
    ['Devanagari', 'लक्ष्मी देवी'],
    ['Gurmukhi', 'ਹਰਪ੍ਰੀਤ ਕੌਰ'],
    ['Thai', 'สมชาย ใจดี'],
    ['Ethiopic', 'ሰላም ተስፋዬ'],
    ['Georgian', 'ნინო ბერიძე'],
    ['Armenian', 'Անի Պետրոսյան'],
  ])('a name in %s prints in its own script and reads back as written', async (_script, name) => {
    const { text } = pdfText(await renderPdf(model([{ kind: 'paragraph', text: name }])));
    expect(text).toContain(name.normalize('NFKC'));
    expect(text).not.toMatch(/[?\uFFFD]/);
  });

  // A vowel sign drawn before its consonant (Bengali ি, Gujarati િ, Tamil ெ, Sinhala ෙ) is read
  // back where it is drawn, as in any PDF without /ActualText: every letter is there, in visual order.
  it.each([
    ['Bengali', 'রহিমা বেগম'],
    ['Gujarati', 'કિરણ પટેલ'],
    ['Tamil', 'கார்த்திக் செல்வம்'],
    ['Sinhala', 'නිමල් පෙරේරා'],
  ])('a name in %s prints in its own script: every letter reads back, none lost, none as "?"', async (_script, name) => {
    const { text } = pdfText(await renderPdf(model([{ kind: 'paragraph', text: name }])));
    // the letters beyond ASCII (the title and the page number are ASCII), decomposed (ේ is read back as its two parts)
    const letters = (s: string) => [...s.normalize('NFD').replace(/[\x00-\x7F]/g, '')].sort().join('');
    expect(letters(text)).toBe(letters(name));
    expect(text).not.toMatch(/[?\uFFFD]/);
  });

  it('ligatures read back as their letters; headings, fields and quotes as written', async () => {
    const pdf = await renderPdf(
      model([
        { kind: 'heading', text: 'The office file' },
        { kind: 'field', label: 'Reference', value: 'SMP-2026-0001' },
        { kind: 'quote', text: '§7.5 No confidential information' },
        { kind: 'note', text: 'A note.' },
      ]),
    );
    const { text } = pdfText(pdf);
    expect(text).toContain('The office file');
    expect(text).toContain('Reference: SMP-2026-0001');
    expect(text).toContain('“§7.5 No confidential information”');
  });
});

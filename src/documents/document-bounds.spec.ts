import { boundDocument, truncationNote } from './document-bounds';
import { DocumentBlock, DocumentLimits, PdfDocumentModel } from './document-model';

const LIMITS: DocumentLimits = { maxBlocks: 10, maxTotalChars: 1_000, maxBlockChars: 200, maxPages: 5 };

const model = (blocks: DocumentBlock[]): PdfDocumentModel => ({ title: 'T', metadata: { title: 'T' }, blocks, truncationHint: 'see the JSON summary' });
const paragraphs = (n: number, length = 10): DocumentBlock[] => Array.from({ length: n }, (_v, i) => ({ kind: 'paragraph', text: `${i}`.padEnd(length, '.') }));

describe('boundDocument (the size bound of a document)', () => {
  it('leaves a document within its bounds as it is', () => {
    const m = model(paragraphs(10));
    expect(boundDocument(m, LIMITS)).toEqual(m);
  });

  it('past the block bound: the first blocks, and the count of those left out for the note', () => {
    const bounded = boundDocument(model(paragraphs(25)), LIMITS);
    expect(bounded.blocks).toEqual(paragraphs(10));
    expect(bounded.omittedBlocks).toBe(15);
  });

  it('past the character bound: the blocks that fit', () => {
    const bounded = boundDocument(model(paragraphs(8, 150)), LIMITS);
    expect(bounded.blocks).toHaveLength(6); // 6 × 150 + the title ≤ 1000
    expect(bounded.omittedBlocks).toBe(2);
  });

  it('a text longer than a block may hold is cut, saying how much is missing, within the bound', () => {
    const long = 'x'.repeat(1_000);
    const [paragraph, field] = boundDocument(
      model([
        { kind: 'paragraph', text: long },
        { kind: 'field', label: 'L', value: long },
      ]),
      LIMITS,
    ).blocks;
    expect(paragraph).toEqual({ kind: 'paragraph', text: expect.stringMatching(/^x+ … \(\d+ more characters not shown; see the JSON summary\)$/) });
    expect((paragraph as { text: string }).text.length).toBeLessThanOrEqual(200);
    const kept = (paragraph as { text: string }).text.indexOf(' …');
    expect((paragraph as { text: string }).text).toContain(`(${1_000 - kept} more characters not shown`);
    expect((field as { value: string }).value.length).toBeLessThanOrEqual(200);
  });

  it('a bounded document is bounded: bounding it again changes nothing (it is bounded on both sides of the thread)', () => {
    const once = boundDocument(model([...paragraphs(30), { kind: 'quote', text: 'q'.repeat(500) }]), LIMITS);
    expect(boundDocument(once, LIMITS)).toEqual(once);
  });

  it('counts what an earlier bounding left out', () => {
    const once = boundDocument(model(paragraphs(25)), LIMITS);
    const again = boundDocument({ ...once, blocks: [...once.blocks, ...paragraphs(3)] }, LIMITS);
    expect(again.omittedBlocks).toBe(18);
  });

  it('the note', () => {
    expect(truncationNote(1, undefined)).toBe('… 1 more item not shown.');
    expect(truncationNote(12, 'see the JSON summary')).toBe('… 12 more items not shown; see the JSON summary.');
  });
});

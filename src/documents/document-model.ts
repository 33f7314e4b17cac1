/**
 * A printable document as plain, serialisable data: what the PDF renderer (render-pdf.ts,
 * run in a worker thread by PdfRenderer) turns into PDF bytes. The HR case summary builds one
 * (exports/summary-pdf.ts); the letters of process.md §2 are meant to build theirs the same
 * way. Only strings, numbers and booleans: it is structured-cloned to the worker.
 *
 * Text may be in any script: the renderer picks a font per run of text (fonts/font-catalog.ts),
 * shapes it (Arabic joined, Devanagari conjuncts) and orders right-to-left runs (text/bidi.ts).
 */
export interface PdfDocumentModel {
  /** The document's big title, at the top of the first page. */
  title: string;
  /** A line under the title (the school, the organisation's name). */
  subtitle?: string;
  blocks: DocumentBlock[];
  /** Printed at the foot of every page, left of "Page n of m". */
  footer?: string;
  /** The PDF's document information. */
  metadata: DocumentMetadata;
  /**
   * Said after "… N more items not shown" when the document is cut at its bounds
   * (document-bounds.ts), e.g. "see the JSON summary".
   */
  truncationHint?: string;
  /**
   * Blocks already left out of `blocks` to stay within the bounds (set by boundDocument);
   * the note at the end of the document counts them.
   */
  omittedBlocks?: number;
}

export interface DocumentMetadata {
  title: string;
  author?: string;
  subject?: string;
  /** ISO 8601. */
  createdAt?: string;
  /** BCP 47, e.g. en-GB. */
  language?: string;
}

export type DocumentBlock =
  /** A section heading, with a rule under it; kept with what follows. */
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  /** Line breaks (\n) in the text are kept. */
  | { kind: 'paragraph'; text: string; align?: 'left' | 'right' }
  /** "Label: value" on one line (wrapping as needed); `mono` sets the value in a monospaced font (hashes). */
  | { kind: 'field'; label: string; value: string; mono?: boolean }
  /** Quoted text (a clause of the policy), in italics and indented. */
  | { kind: 'quote'; text: string }
  /** A remark about the document itself, in smaller italics. */
  | { kind: 'note'; text: string }
  | { kind: 'pageBreak' };

/**
 * How much one document may hold, so that one request cannot keep a render thread busy for
 * minutes. Past a bound the document is cut, with a visible note, never refused.
 */
export interface DocumentLimits {
  /** Blocks after the title. */
  maxBlocks: number;
  /** Characters of all blocks together. */
  maxTotalChars: number;
  /** Characters of one block's text (a longer text is cut with a note). */
  maxBlockChars: number;
  /** Pages of the rendered PDF. */
  maxPages: number;
}

/**
 * Numbers a real case summary does not reach: each evidence item is five blocks, so 500 items
 * are about 2,500 blocks and 60 to 150 pages, depending on how long the texts are; the
 * longest text the API accepts is 50,000 characters. A document at the page bound renders in
 * about 5 seconds on one core (2,000 evidence items, 250 pages: 1 to 2 s).
 */
export const DEFAULT_LIMITS: DocumentLimits = {
  maxBlocks: 20_000,
  maxTotalChars: 2_000_000,
  maxBlockChars: 100_000,
  maxPages: 500,
};

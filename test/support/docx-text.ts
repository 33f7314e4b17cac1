import { strFromU8, unzipSync } from 'fflate';

/**
 * The text of a DOCX, read back from its word/document.xml (fflate unzips it): each paragraph a
 * line, a line break inside one a newline, XML entities decoded. Enough for the tests to check
 * what a generated letter says; the DOCX holds text, so nothing is drawn or lost here.
 */
export function docxText(docx: Buffer): string {
  const files = unzipSync(new Uint8Array(docx));
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('not a DOCX: no word/document.xml');
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return strFromU8(xml)
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, (_m, text: string) => `\u0000${text}\u0001`)
    .replace(/<[^>]+>/g, '')
    .replace(/\u0000([^\u0001]*)\u0001/g, (_m, text: string) => decode(text));
}

/** The fonts a DOCX names (its default run fonts and any run's), to check the scripts are covered. */
export function docxFonts(docx: Buffer): string[] {
  const files = unzipSync(new Uint8Array(docx));
  const xml = ['word/document.xml', 'word/styles.xml'].map((f) => (files[f] ? strFromU8(files[f]) : '')).join('');
  return [...new Set([...xml.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]))];
}

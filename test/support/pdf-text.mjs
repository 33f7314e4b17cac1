// Prints the text of a PDF read from standard input, as JSON: {"pages": n, "text": ["page 1 text", …]}.
// pdfjs-dist ships ESM only, so the e2e tests run this in a child process (`node pdf-text.mjs < file.pdf`)
// rather than through jest's CommonJS module system. No system tool (pdftotext) is needed.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));

const pdf = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
const text = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text }));
await pdf.destroy();

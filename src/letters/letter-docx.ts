import { AlignmentType, Document, Footer, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { LetterDocument } from './letter-assembly';

/**
 * The font the DOCX names for each script class. A DOCX holds text, not glyphs: Word (or
 * LibreOffice) draws it with these families where installed, and falls back per script
 * otherwise. Noto covers every script a name is written in; the PDF embeds the same families.
 */
export const DOCX_FONTS = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', cs: 'Noto Sans Arabic', eastAsia: 'Noto Sans CJK SC' } as const;

/** Text with its line breaks kept, as runs (a break before every line but the first). */
function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? undefined : 1, ...options }));
}

/**
 * The letter as an editable Word document (the `docx` package): the same text as the PDF, in
 * paragraphs a person can change before sending, on A4 with the letterhead at the top.
 */
export async function letterDocx(letter: LetterDocument): Promise<Buffer> {
  const letterhead = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(letter.letterhead.name, { bold: true, size: 36 }) }),
    ...(letter.letterhead.addressLines.length ? [new Paragraph({ children: runs(letter.letterhead.addressLines.join('\n')) })] : []),
  ];
  const signature = letter.signatory ? [new Paragraph({ children: runs([letter.signatory.name, letter.signatory.title].filter(Boolean).join('\n')) })] : [];
  const document = new Document({
    creator: letter.letterhead.name,
    title: `${letter.title} ${letter.reference}`,
    description: letter.title,
    styles: { default: { document: { run: { font: DOCX_FONTS, size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: runs(`${letter.reference} · ${letter.title} · Private and confidential`, { size: 16 }) })],
          }),
        },
        children: [
          ...letterhead,
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: runs(letter.date) }),
          new Paragraph({ children: runs(`Private and confidential\n${letter.recipient}`) }),
          new Paragraph({ children: [new TextRun({ text: 'Reference: ', bold: true }), new TextRun(letter.reference)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: runs(letter.title, { bold: true }) }),
          ...letter.paragraphs.map((text) => new Paragraph({ spacing: { after: 160 }, children: runs(text) })),
          new Paragraph({ spacing: { before: 240 }, children: runs('Yours sincerely,') }),
          ...signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

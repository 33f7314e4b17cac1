import { DocumentBlock, PdfDocumentModel } from '../documents/document-model';
import { LetterDocument } from './letter-assembly';

/**
 * A letter as a document model for the PDF renderer (documents/): the letterhead as the title
 * and the line under it, then the date, the addressee, the heading, the paragraphs and the
 * signature. Any script a name is written in prints in its own (documents/fonts, text/bidi).
 */
export function letterPdfModel(letter: LetterDocument): PdfDocumentModel {
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: letter.date, align: 'right' },
    { kind: 'paragraph', text: `Private and confidential\n${letter.recipient}` },
    { kind: 'field', label: 'Reference', value: letter.reference },
    { kind: 'heading', text: letter.title },
    ...letter.paragraphs.map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    { kind: 'paragraph', text: 'Yours sincerely,' },
  ];
  if (letter.signatory) blocks.push({ kind: 'paragraph', text: [letter.signatory.name, letter.signatory.title].filter(Boolean).join('\n') });
  return {
    title: letter.letterhead.name,
    ...(letter.letterhead.addressLines.length ? { subtitle: letter.letterhead.addressLines.join(' · ') } : {}),
    blocks,
    footer: `${letter.reference} · ${letter.title} · Private and confidential`,
    metadata: {
      title: `${letter.title} ${letter.reference}`,
      author: letter.letterhead.name,
      subject: letter.title,
      createdAt: letter.generatedAt,
      language: 'en-GB',
    },
  };
}

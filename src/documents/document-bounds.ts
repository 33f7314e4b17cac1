import { DocumentBlock, DocumentLimits, PdfDocumentModel } from './document-model';

/** "… 3 more items not shown; see the JSON summary". */
export function truncationNote(omitted: number, hint: string | undefined): string {
  return `… ${omitted} more ${omitted === 1 ? 'item' : 'items'} not shown${hint ? `; ${hint}` : ''}.`;
}

/** The characters of a block's text. */
export function blockChars(block: DocumentBlock): number {
  switch (block.kind) {
    case 'field':
      return block.label.length + block.value.length;
    case 'pageBreak':
      return 0;
    default:
      return block.text.length;
  }
}

/** `text` in at most `max` characters: when longer, its start and a note of how much is missing. */
function cut(text: string, max: number, hint: string | undefined): string {
  if (text.length <= max) return text;
  const note = (rest: number) => ` … (${rest} more characters not shown${hint ? `; ${hint}` : ''})`;
  let end = Math.max(0, max - note(text.length).length);
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--; // never split a surrogate pair
  return text.slice(0, end) + note(text.length - end);
}

function cutBlock(block: DocumentBlock, max: number, hint: string | undefined): DocumentBlock {
  switch (block.kind) {
    case 'pageBreak':
      return block;
    case 'field':
      return { ...block, label: cut(block.label, max, hint), value: cut(block.value, max, hint) };
    default:
      return { ...block, text: cut(block.text, max, hint) };
  }
}

/**
 * The document within `limits` (blocks, characters): a text longer than a block may hold is
 * cut with a note of how much is missing; blocks past the document's budget are left out and
 * counted in `omittedBlocks`, for the note the layout puts at the end ("… N more items not
 * shown"). The page bound is applied while laying out (layout.ts), the same way. Cheap (it
 * reads lengths), so it runs before the document is handed to a render thread, and again
 * there: a bounded document is left as it is.
 */
export function boundDocument(model: PdfDocumentModel, limits: DocumentLimits): PdfDocumentModel {
  const hint = model.truncationHint;
  const title = cut(model.title, limits.maxBlockChars, undefined);
  const subtitle = model.subtitle === undefined ? undefined : cut(model.subtitle, limits.maxBlockChars, undefined);
  const footer = model.footer === undefined ? undefined : cut(model.footer, 1_000, undefined);
  let chars = title.length + (subtitle?.length ?? 0) + (footer?.length ?? 0);
  const blocks: DocumentBlock[] = [];
  for (const original of model.blocks) {
    const block = cutBlock(original, limits.maxBlockChars, hint);
    if (blocks.length >= limits.maxBlocks || chars + blockChars(block) > limits.maxTotalChars) break;
    blocks.push(block);
    chars += blockChars(block);
  }
  const omittedBlocks = (model.omittedBlocks ?? 0) + model.blocks.length - blocks.length;
  return { ...model, title, subtitle, footer, blocks, ...(omittedBlocks > 0 ? { omittedBlocks } : {}) };
}

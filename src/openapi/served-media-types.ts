import { CSV, DOC, DOCX, EMAIL, GIF, JPEG, PDF, PNG, PPT, PPTX, TEXT, WEBP, XLS, XLSX } from '../evidence/media-type';

/**
 * The OpenDocument types (ODF 1.2, appendix C): the sniffer takes an OpenDocument file's
 * type from its `mimetype` entry, so these are the ones an item can be stored, and served, as.
 */
const OPENDOCUMENT = [
  'text',
  'text-template',
  'text-master',
  'text-web',
  'spreadsheet',
  'spreadsheet-template',
  'presentation',
  'presentation-template',
  'graphics',
  'graphics-template',
  'chart',
  'chart-template',
  'image',
  'image-template',
  'formula',
  'formula-template',
  'database',
].map((name) => `application/vnd.oasis.opendocument.${name}`);

/**
 * Every media type evidence content is served as (GET …/evidence/{evidenceId}/content
 * answers with the item's stored `mediaType`): what an upload may be stored as
 * (src/evidence/media-type.ts: the sniffed type, or a declared one the content agrees with).
 * Declared one by one, not as any type (issue 10: content types declared as served).
 */
export const EVIDENCE_MEDIA_TYPES: readonly string[] = [PNG, JPEG, GIF, WEBP, PDF, TEXT, CSV, EMAIL, DOCX, XLSX, PPTX, DOC, XLS, PPT, ...OPENDOCUMENT];

import { TextDecoder } from 'node:util';

/**
 * What evidence content may be (domain.md "Evidence": content stored "with its SHA-256, size
 * and sniffed media type"). The type is read from the content, never taken on trust from the
 * client; the declared type must agree with it. Pure functions over the first bytes.
 */

/** How much of the start of a file the sniffer looks at. */
export const SNIFF_BYTES = 64 * 1024;

export const PNG = 'image/png';
export const JPEG = 'image/jpeg';
export const GIF = 'image/gif';
export const WEBP = 'image/webp';
export const PDF = 'application/pdf';
export const TEXT = 'text/plain';
export const CSV = 'text/csv';
export const EMAIL = 'message/rfc822';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const DOC = 'application/msword';
export const XLS = 'application/vnd.ms-excel';
export const PPT = 'application/vnd.ms-powerpoint';
const ODF = /^application\/vnd\.oasis\.opendocument\.[a-z][a-z0-9.-]{0,60}$/;

/** What the content was recognised as. */
export interface Sniffed {
  /** The type to store when the client declared none; null when the content alone cannot tell (legacy Office). */
  mediaType: string | null;
  /** Declared types this content may carry. */
  accepts: readonly string[];
  /**
   * Text families are judged on the head only; the whole content must then also be
   * `utf8` (valid UTF-8, no NUL) or at least `no_nul` (e-mail, whose bodies may be 8-bit).
   */
  requires?: 'utf8' | 'no_nul';
}

const starts = (head: Buffer, bytes: readonly number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const one = (mediaType: string): Sniffed => ({ mediaType, accepts: [mediaType] });

/**
 * The media type of content starting with `head`, or null when it is not on the allow-list:
 * images (PNG, JPEG, GIF, WebP), PDF, plain text (UTF-8, no NUL), e-mail (.eml), OOXML and
 * OpenDocument files, legacy (OLE2) Office files.
 */
export function sniffMediaType(head: Buffer): Sniffed | null {
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return one(PNG);
  if (starts(head, [0xff, 0xd8, 0xff])) return one(JPEG);
  if (starts(head, ascii('GIF87a')) || starts(head, ascii('GIF89a'))) return one(GIF);
  if (starts(head, ascii('RIFF')) && starts(head, ascii('WEBP'), 8)) return one(WEBP);
  if (starts(head, ascii('%PDF-'))) return one(PDF);
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(head);
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle2(head);
  if (head.includes(0)) return null;
  if (looksLikeEmail(head)) return { mediaType: EMAIL, accepts: [EMAIL, TEXT], requires: 'no_nul' };
  if (isUtf8Head(head)) return { mediaType: TEXT, accepts: [TEXT, CSV], requires: 'utf8' };
  return null;
}

/** Office Open XML (word/, xl/, ppt/ parts) or OpenDocument (a first `mimetype` entry). */
function sniffZip(head: Buffer): Sniffed | null {
  const names = zipEntryNames(head);
  // OpenDocument: the first entry is an uncompressed `mimetype` file holding the type.
  if (names[0]?.name === 'mimetype' && head.readUInt16LE(8) === 0) {
    const size = head.readUInt32LE(18);
    const start = names[0].dataOffset;
    const mediaType = head
      .subarray(start, start + Math.min(size, 100))
      .toString('latin1')
      .trim();
    return ODF.test(mediaType) ? one(mediaType) : null;
  }
  for (const [prefix, mediaType] of [
    ['word/', DOCX],
    ['xl/', XLSX],
    ['ppt/', PPTX],
  ] as const) {
    if (names.some((entry) => entry.name.startsWith(prefix))) return one(mediaType);
  }
  return null;
}

/** Names of the ZIP local file headers found in the head. */
function zipEntryNames(head: Buffer): Array<{ name: string; dataOffset: number }> {
  const entries: Array<{ name: string; dataOffset: number }> = [];
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = head.indexOf(signature); at >= 0 && at + 30 <= head.length; at = head.indexOf(signature, at + 4)) {
    const nameLength = head.readUInt16LE(at + 26);
    const extraLength = head.readUInt16LE(at + 28);
    if (at + 30 + nameLength > head.length) break;
    entries.push({ name: head.subarray(at + 30, at + 30 + nameLength).toString('utf8'), dataOffset: at + 30 + nameLength + extraLength });
  }
  return entries;
}

/** Legacy Office: the OLE2 directory names its main stream; when it is not in the head, the declared type decides. */
function sniffOle2(head: Buffer): Sniffed {
  const has = (name: string) => head.includes(Buffer.from(name, 'utf16le'));
  if (has('WordDocument')) return one(DOC);
  if (has('Workbook') || has('Book\u0000')) return one(XLS);
  if (has('PowerPoint Document')) return one(PPT);
  return { mediaType: null, accepts: [DOC, XLS, PPT] };
}

/** Valid UTF-8 with no NUL; a multi-byte character cut off at the end of the head is allowed. */
function isUtf8Head(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** RFC 5322 header field names the sniffer requires at least one of. */
const EMAIL_FIELDS = /^(from|to|cc|date|subject|received|message-id|return-path|mime-version|delivered-to|reply-to|sender)$/i;

/** Text opening with an RFC 5322 header block (field lines and folded continuations). */
function looksLikeEmail(head: Buffer): boolean {
  const text = head.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end >= 0 ? text.slice(0, end) : text).split(/\r?\n/);
  if (end < 0 && head.length >= SNIFF_BYTES) lines.pop(); // the last line may be cut off
  let fields = 0;
  let known = false;
  for (const [i, line] of lines.entries()) {
    if (/^[ \t]/.test(line) && i > 0) continue; // folded continuation
    const match = /^([\x21-\x39\x3b-\x7e]+):/.exec(line);
    if (!match) return false;
    fields++;
    known ||= EMAIL_FIELDS.test(match[1]);
  }
  return fields >= 2 && known;
}

/** Declared types that say nothing: the sniffed type is used. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

const ALIASES: Record<string, string> = {
  'image/jpg': JPEG,
  'image/pjpeg': JPEG,
  'image/x-png': PNG,
  'application/x-pdf': PDF,
  'application/acrobat': PDF,
  'text/x-csv': CSV,
  'application/csv': CSV,
  'text/comma-separated-values': CSV,
  'message/x-rfc822': EMAIL,
  'application/x-msword': DOC,
  'application/x-msexcel': XLS,
  'application/x-mspowerpoint': PPT,
};

/** `Image/JPG; name=x` → `image/jpeg`; undeclared (absent, octet-stream) → null. */
export function normaliseMediaType(declared: string | null | undefined): string | null {
  const bare = (declared ?? '').split(';')[0].trim().toLowerCase();
  if (UNDECLARED.has(bare)) return null;
  return ALIASES[bare] ?? bare;
}

export type MediaTypeDecision = { ok: true; mediaType: string } | { ok: false; code: 'unsupported_media_type' | 'media_type_mismatch'; detail: string };

const ACCEPTED = 'images (PNG, JPEG, GIF, WebP), PDF, plain text, e-mail (.eml) and office documents';

/**
 * The media type to store: the declared one when the content agrees with it, the sniffed
 * one when nothing was declared; otherwise a refusal (415) saying why.
 */
export function decideMediaType(sniffed: Sniffed | null, declaredRaw: string | null | undefined): MediaTypeDecision {
  if (!sniffed) return { ok: false, code: 'unsupported_media_type', detail: `The content is not of an accepted type: ${ACCEPTED}.` };
  const declared = normaliseMediaType(declaredRaw);
  if (declared === null) {
    if (sniffed.mediaType) return { ok: true, mediaType: sniffed.mediaType };
    return { ok: false, code: 'unsupported_media_type', detail: `Declare which kind of file this is (one of ${sniffed.accepts.join(', ')}).` };
  }
  if (sniffed.accepts.includes(declared)) return { ok: true, mediaType: declared };
  const what = sniffed.mediaType ?? sniffed.accepts.join(' or ');
  return { ok: false, code: 'media_type_mismatch', detail: `The file was declared as ${declared.slice(0, 100)} but its content is ${what}.` };
}

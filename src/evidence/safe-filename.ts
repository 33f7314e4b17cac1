/**
 * The name evidence is downloaded under. The stored original filename is whatever the
 * client sent; before it goes into a `Content-Disposition` header it loses any path, `..`,
 * line breaks, quotes, control and bidirectional-override characters, and is capped.
 */

export const MAX_FILENAME_LENGTH = 120;
const FALLBACK = 'evidence';

// C0 and C1 controls (CR, LF, TAB, NUL …), DEL, quotes, and characters Windows refuses in names.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f"<>:|?*]/g;
// Bidirectional overrides and isolates ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"), zero-width characters, BOM.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A safe, human-readable file name (Unicode kept), never empty. */
export function safeFilename(original: string | null | undefined, fallback = FALLBACK): string {
  const last = (original ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const capped = cap(cleaned);
  return capped === '' ? fallback : capped;
}

/** Shortens to MAX_FILENAME_LENGTH characters (not UTF-16 units), keeping a short extension. */
function cap(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_FILENAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length > 1 && extension.length <= 16) {
    const stem = [...name.slice(0, dot)]
      .slice(0, MAX_FILENAME_LENGTH - extension.length)
      .join('')
      .trimEnd();
    return stem + extension.join('');
  }
  return chars.slice(0, MAX_FILENAME_LENGTH).join('').trimEnd();
}

/** The ASCII-only form for `filename="…"`: accents dropped, anything else non-ASCII (and `%`, `\`) → `_`. */
export function asciiFilename(safe: string): string {
  const ascii = safe
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|[%\\"]/g, '_')
    .replace(/_{2,}/g, '_');
  return ascii.replace(/^[\s._]+$/, '') === '' ? FALLBACK : ascii;
}

/** RFC 8187 `ext-value` encoding of a UTF-8 string. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<encoded>` (RFC 6266), safe for any stored name. */
export function attachmentDisposition(original: string | null | undefined): string {
  const safe = safeFilename(original);
  return `attachment; filename="${asciiFilename(safe)}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}

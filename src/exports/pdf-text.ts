/**
 * Text for the summary PDF. The PDF uses the standard Helvetica fonts, which need no font
 * file but only draw Windows-1252 (WinAnsi) characters: anything else is transliterated
 * where Unicode allows (accents dropped) or shown as "?", never emitted as broken glyphs.
 */

/** The characters of Windows-1252 beyond Latin-1 (0x80–0x9F) that pdfkit maps for the standard fonts. */
const CP1252_EXTRAS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

/** Letters Unicode does not decompose, with their usual transliteration. */
const TRANSLITERATIONS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', ſ: 's', '−': '-', '′': "'", '″': '"' };

function drawable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(ch);
}

/** `text` with only characters the standard PDF fonts can draw; line breaks kept as \n. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    if (ch === '\n' || drawable(ch)) {
      out += ch;
    } else if (/[\u0000-\u001f\u007f-\u009f]/.test(ch)) {
      out += ' '; // tabs and other controls
    } else if (TRANSLITERATIONS[ch]) {
      out += TRANSLITERATIONS[ch];
    } else if (/\p{L}/u.test(ch)) {
      // a letter with an accent Windows-1252 lacks: the letter without it (ő → o)
      const stripped = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += stripped !== '' && [...stripped].every(drawable) ? stripped : '?';
    } else {
      out += '?'; // symbols keep their meaning or go: ≠ must not become =
    }
  }
  return out;
}

/** `final_written_warning` → `Final written warning`. */
export function humanise(code: string | null | undefined): string {
  if (!code) return '—';
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-28T09:05:00.000Z` → `28 Nov 2026, 09:05 UTC`; a missing date → `—`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** A size in bytes, as a person reads it: `512 bytes`, `2.0 KiB`, `3.4 MiB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

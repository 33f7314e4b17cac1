import bidiFactory from 'bidi-js';

/**
 * Right-to-left text (Arabic, Hebrew) in a left-to-right document: the Unicode bidirectional
 * algorithm (UAX #9, the bidi-js package) gives each character an embedding level (odd: read
 * right to left); a line's runs are then put in visual order here (rule L2). Inside a
 * right-to-left run fontkit shapes the text (Arabic letters joined) and lays its glyphs out
 * right to left; pdfkit itself does neither the levels nor the reordering.
 */
const bidi = bidiFactory();

/** Embedding levels, one per UTF-16 index, of a paragraph of a left-to-right document. */
export function embeddingLevels(text: string): Uint8Array {
  return bidi.getEmbeddingLevels(text, 'ltr').levels;
}

export const isRtl = (level: number) => level % 2 === 1;

/**
 * The runs of one line (in logical order, each at one level) in visual order, left to right:
 * from the highest level down to the lowest odd one, every sequence of runs at that level or
 * higher is reversed (UAX #9 L2).
 */
export function visualOrder<T extends { level: number }>(runs: readonly T[]): T[] {
  const out = [...runs];
  if (out.length === 0) return out;
  const highest = Math.max(...out.map((r) => r.level));
  const lowestOdd = Math.min(...out.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i].level < level) continue;
      let j = i;
      while (j + 1 < out.length && out[j + 1].level >= level) j++;
      out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return out;
}

/** Characters that only steer the bidi algorithm: never drawn. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export const isBidiControl = (ch: string) => BIDI_CONTROL.test(ch);

const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

export const withoutBidiControls = (text: string) => text.replace(BIDI_CONTROLS, '');

/** Text of a right-to-left run with brackets and the like mirrored ("(" drawn as ")"), UAX #9 L4. */
export function mirrored(text: string): string {
  let out = '';
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch;
  return out;
}

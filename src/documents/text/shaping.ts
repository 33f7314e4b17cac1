import type * as fontkit from 'fontkit';
import { Face } from '../fonts/font-library';

/** A shaped piece of text: glyphs in visual order (left to right), positions in font units. */
export interface Shaped {
  glyphs: fontkit.Glyph[];
  positions: fontkit.GlyphPosition[];
  /** Font units. */
  advance: number;
}

/** Shaped words kept per face; a document repeats most of its words. */
const MAX_WORDS_PER_FACE = 20_000;
const shapedWords = new WeakMap<Face, Map<string, Shaped>>();

/**
 * `text` shaped in `face` by fontkit (ligatures, kerning, Arabic joining, Indic reordering),
 * right to left when `rtl`. Shaped word by word (a word and the spaces after it are shaped
 * apart, as pdfkit does), so that measuring and drawing share one cache; a right-to-left
 * run's words are put in reverse order, each already laid out right to left by fontkit.
 */
export function shape(face: Face, text: string, rtl: boolean): Shaped {
  const tokens = text.split(/(\s+)/).filter((t) => t.length > 0);
  if (rtl) tokens.reverse();
  if (tokens.length === 1) return shapeWord(face, tokens[0], rtl);
  const out: Shaped = { glyphs: [], positions: [], advance: 0 };
  for (const token of tokens) {
    const s = shapeWord(face, token, rtl);
    out.glyphs.push(...s.glyphs);
    out.positions.push(...s.positions);
    out.advance += s.advance;
  }
  return out;
}

/** Width in points of `text` set in `face` at `size`. */
export function textWidth(face: Face, text: string, rtl: boolean, size: number): number {
  return (shape(face, text, rtl).advance * size) / face.font.unitsPerEm;
}

function shapeWord(face: Face, word: string, rtl: boolean): Shaped {
  let words = shapedWords.get(face);
  if (!words) shapedWords.set(face, (words = new Map()));
  const key = (rtl ? 'r' : 'l') + word;
  let shaped = words.get(key);
  if (!shaped) {
    const run = layoutWithCodePoints(face.font, word, rtl);
    shaped = { glyphs: run.glyphs, positions: run.positions, advance: run.advanceWidth };
    if (words.size >= MAX_WORDS_PER_FACE) words.clear();
    words.set(key, shaped);
  }
  return shaped;
}

/** The positioning features whose anchors fontkit may fail to read: off for a word that failed with them. */
const UNPOSITIONED_MARKS: Record<string, boolean> = { mark: false, mkmk: false, abvm: false, blwm: false, dist: false };

/**
 * fontkit's layout, with each glyph carrying the characters it was drawn for this time:
 * fontkit keeps one glyph object per glyph id, with the characters of its first use, and the
 * PDF's text (what copy and search read) is made from them (pdf-writer.ts).
 */
function layoutWithCodePoints(font: fontkit.Font, text: string, rtl: boolean): fontkit.GlyphRun {
  const shared = font.getGlyph;
  const own = function (this: fontkit.Font, id: number, codePoints: number[] = []) {
    const glyph = shared.call(this, id, codePoints);
    if (glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i])) return glyph;
    const copy = Object.create(glyph) as fontkit.Glyph;
    copy.codePoints = codePoints;
    return copy;
  };
  Object.defineProperty(font, 'getGlyph', { value: own, configurable: true, writable: true });
  const direction = rtl ? 'rtl' : 'ltr';
  try {
    try {
      return font.layout(text, [], undefined, undefined, direction);
    } catch {
      // fontkit fails on some fonts' mark anchors (Noto Sans Gurmukhi's, for one): the word is
      // then set with its substitutions but without mark positioning, rather than not at all
      return font.layout(text, UNPOSITIONED_MARKS, undefined, undefined, direction);
    }
  } finally {
    delete (font as { getGlyph?: unknown }).getGlyph;
  }
}

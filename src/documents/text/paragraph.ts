import LineBreaker from 'linebreak';
import { cjkContexts, FontStyle } from '../fonts/font-catalog';
import { Face, FontResolver } from '../fonts/font-library';
import { embeddingLevels, isBidiControl, isRtl, mirrored, visualOrder, withoutBidiControls } from './bidi';
import { textWidth } from './shaping';

/** How a span of text is set. */
export interface TextStyle {
  font: FontStyle;
  /** Points. */
  size: number;
  /** CSS hex colour. */
  color: string;
}

export interface Span {
  text: string;
  style: TextStyle;
}

/** A run of one line, ready to draw: one face, one style, one direction. */
export interface PlacedRun {
  face: Face;
  style: TextStyle;
  /** What to draw: bidi controls left out and, right to left, mirrored (fontkit lays it out right to left). */
  text: string;
  rtl: boolean;
  /** From the start of the line, points. */
  x: number;
  width: number;
}

export interface Line {
  runs: PlacedRun[];
  width: number;
}

/**
 * A paragraph with a font chosen for every character and its bidi levels: the asynchronous
 * part (loading fonts) is done, laying it out in lines (breakLines) is not.
 */
export interface PreparedParagraph {
  text: string;
  styles: TextStyle[];
  /** Span index per UTF-16 index. */
  spanAt: Uint16Array;
  /** Face per UTF-16 index. */
  faces: Face[];
  levels: Uint8Array;
}

/** Tabs and other control characters are spaces; lone surrogates are U+FFFD; NFC (é as one character). */
export function sanitize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A character that belongs with the one before it: a combining mark, a joiner, a variation selector, a bidi control. */
const CONTINUES = /^[\p{M}\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;

/**
 * Chooses a face for every character of the spans (the first font of the chain that has it;
 * a combining mark stays with its base character's font when that font has it) and computes
 * the bidi levels. One line of text: line breaks are the caller's (layout.ts splits on \n).
 */
export async function prepareParagraph(spans: Span[], fonts: FontResolver): Promise<PreparedParagraph> {
  const texts = spans.map((s) => sanitize(s.text));
  const text = texts.join('');
  const spanAt = new Uint16Array(text.length);
  let offset = 0;
  texts.forEach((t, i) => {
    spanAt.fill(i, offset, offset + t.length);
    offset += t.length;
  });
  const styles = spans.map((s) => s.style);
  const contexts = cjkContexts(text);
  const faces: Face[] = new Array(text.length);
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const style = styles[spanAt[i]];
    const previous = i > 0 && spanAt[i - 1] === spanAt[i] ? faces[i - 1] : undefined;
    let face: Face | null | undefined;
    if (previous && CONTINUES.test(ch) && (isBidiControl(ch) || previous.font.hasGlyphForCodePoint(cp))) face = previous;
    face ??= fonts.known(cp, style.font, contexts[i]);
    if (face === undefined) face = await fonts.resolve(cp, style.font, contexts[i]);
    face ??= await fonts.primary(style.font);
    faces[i] = face;
    if (ch.length === 2) faces[i + 1] = face;
    i += ch.length;
  }
  return { text, styles, spanAt, faces, levels: embeddingLevels(text) };
}

/** A piece of a word with one face, span and level; whitespace apart. */
interface Piece {
  start: number;
  end: number;
  space: boolean;
  width: number;
}

interface Word {
  pieces: Piece[];
  /** Without the trailing whitespace, which does not count at the end of a line. */
  width: number;
  spaceWidth: number;
}

const SPACE = /^\s$/u;

/** What is drawn for [start, end) of the paragraph at a level. */
function drawText(p: PreparedParagraph, start: number, end: number, level: number): string {
  const text = withoutBidiControls(p.text.slice(start, end));
  return isRtl(level) ? mirrored(text) : text;
}

function pieceWidth(p: PreparedParagraph, start: number, end: number): number {
  return textWidth(p.faces[start], drawText(p, start, end, p.levels[start]), isRtl(p.levels[start]), p.styles[p.spanAt[start]].size);
}

/** Splits [start, end) where the face, span, level or whitespace changes. */
function pieces(p: PreparedParagraph, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let from = start;
  const spaceAt = (i: number) => SPACE.test(p.text[i]);
  for (let i = start + 1; i <= end; i++) {
    if (i === end || p.faces[i] !== p.faces[from] || p.spanAt[i] !== p.spanAt[from] || p.levels[i] !== p.levels[from] || spaceAt(i) !== spaceAt(from)) {
      if (i < end && /[\uDC00-\uDFFF]/.test(p.text[i])) continue; // inside a surrogate pair
      out.push({ start: from, end: i, space: spaceAt(from), width: pieceWidth(p, from, i) });
      from = i;
    }
  }
  return out;
}

function word(p: PreparedParagraph, start: number, end: number): Word {
  const ps = pieces(p, start, end);
  let trailing = ps.length;
  while (trailing > 0 && ps[trailing - 1].space) trailing--;
  const sum = (list: Piece[]) => list.reduce((w, x) => w + x.width, 0);
  return { pieces: ps, width: sum(ps.slice(0, trailing)), spaceWidth: sum(ps.slice(trailing)) };
}

/** The words of the paragraph: the text between two places a line may break (UAX #14). */
function words(p: PreparedParagraph): Word[] {
  const out: Word[] = [];
  const breaker = new LineBreaker(p.text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.position > last) out.push(word(p, last, bk.position));
    last = bk.position;
  }
  return out;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * A word wider than a line (a long URL, a hash): cut between characters (grapheme clusters)
 * into words that fit, measuring each character once.
 */
function splitWord(p: PreparedParagraph, w: Word, width: number): Word[] {
  const start = w.pieces[0].start;
  const end = w.pieces[w.pieces.length - 1].end;
  const out: Word[] = [];
  let from = start;
  let used = 0;
  const cuts = [...graphemes.segment(p.text.slice(start, end))].map((g) => start + g.index);
  cuts.push(end);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [at, next] = [cuts[k], cuts[k + 1]];
    const advance = SPACE.test(p.text[at]) ? 0 : pieceWidth(p, at, next);
    if (used + advance > width && at > from) {
      out.push(word(p, from, at));
      from = at;
      used = 0;
    }
    used += advance;
  }
  out.push(word(p, from, end));
  return out;
}

/**
 * The paragraph in lines no wider than `width` (the first `firstWidth`), each with its runs in
 * visual order and their x offsets. Greedy: as many words as fit on each line.
 */
export function breakLines(p: PreparedParagraph, width: number, firstWidth = width): Line[] {
  if (p.text.length === 0) return [{ runs: [], width: 0 }];
  const lines: Piece[][] = [];
  let current: Piece[] = [];
  let used = 0;
  const max = () => (lines.length === 0 ? firstWidth : width);
  const place = (w: Word) => {
    if (current.length > 0 && used + w.width > max()) {
      lines.push(current);
      current = [];
      used = 0;
    }
    current.push(...w.pieces);
    used += w.width + w.spaceWidth;
  };
  for (const w of words(p)) {
    if (w.width <= max() || w.pieces.length === 0) place(w);
    else {
      // Too wide for any line: start it on a line of its own and cut it there.
      if (current.length > 0) {
        lines.push(current);
        current = [];
        used = 0;
      }
      for (const part of splitWord(p, w, max())) place(part);
    }
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => placeLine(p, line));
}

/** Trailing whitespace dropped (UAX #9 L1), pieces of one run merged, runs in visual order with their x. */
function placeLine(p: PreparedParagraph, line: Piece[]): Line {
  let end = line.length;
  while (end > 0 && line[end - 1].space) end--;
  const logical: Array<{ start: number; end: number; level: number }> = [];
  for (const piece of line.slice(0, end)) {
    const last = logical[logical.length - 1];
    if (
      last &&
      last.end === piece.start &&
      p.faces[last.start] === p.faces[piece.start] &&
      p.spanAt[last.start] === p.spanAt[piece.start] &&
      p.levels[last.start] === p.levels[piece.start]
    ) {
      last.end = piece.end;
    } else {
      logical.push({ start: piece.start, end: piece.end, level: p.levels[piece.start] });
    }
  }
  let x = 0;
  const runs: PlacedRun[] = [];
  for (const r of visualOrder(logical)) {
    const rtl = isRtl(r.level);
    const text = drawText(p, r.start, r.end, r.level);
    if (text.length === 0) continue;
    const face = p.faces[r.start];
    const style = p.styles[p.spanAt[r.start]];
    const w = textWidth(face, text, rtl, style.size);
    runs.push({ face, style, text, rtl, x, width: w });
    x += w;
  }
  return { runs, width: x };
}

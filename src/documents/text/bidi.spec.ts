import { FontResolver } from '../fonts/font-library';
import { embeddingLevels, mirrored, visualOrder } from './bidi';
import { breakLines, prepareParagraph } from './paragraph';
import { shape } from './shaping';

async function visualRuns(text: string): Promise<Array<{ text: string; rtl: boolean }>> {
  const prepared = await prepareParagraph([{ text, style: { font: 'regular', size: 10, color: '#000000' } }], new FontResolver());
  const [line] = breakLines(prepared, 10_000);
  return line.runs.map((r) => ({ text: r.text, rtl: r.rtl }));
}

describe('right-to-left text (UAX #9)', () => {
  it('visualOrder reverses each sequence at an odd level or higher (L2)', () => {
    const runs = [0, 1, 1, 2, 1, 0].map((level, i) => ({ level, i }));
    expect(visualOrder(runs).map((r) => r.i)).toEqual([0, 4, 3, 2, 1, 5]);
    expect(visualOrder([{ level: 0 }, { level: 0 }])).toEqual([{ level: 0 }, { level: 0 }]);
  });

  it('Arabic in an English sentence is at level 1; digits inside it at 2', () => {
    const text = 'By فاطمة 12 x';
    const levels = Array.from(embeddingLevels(text));
    expect(levels.slice(0, 3)).toEqual([0, 0, 0]);
    expect(levels.slice(3, 8)).toEqual([1, 1, 1, 1, 1]);
    expect(levels.slice(9, 11)).toEqual([2, 2]);
    expect(levels.at(-1)).toBe(0);
  });

  it('an Arabic name of two words is drawn right to left: its first word rightmost', async () => {
    const runs = await visualRuns('The reporter فاطمة الزهراء said');
    expect(runs.map((r) => r.text)).toEqual(['The reporter ', 'الزهراء', ' ', 'فاطمة', ' said']);
    expect(runs.map((r) => r.rtl)).toEqual([false, true, true, true, false]);
  });

  it('a Hebrew name likewise', async () => {
    const runs = await visualRuns('Witness: דוד כהן.');
    expect(runs.map((r) => r.text).join('|')).toBe('Witness: |כהן| |דוד|.');
  });

  it('numbers inside right-to-left text keep their own order; brackets are mirrored', async () => {
    const runs = await visualRuns('abc (فاطمة 123) def');
    expect(runs.map((r) => r.text).join('')).toBe('abc (123 فاطمة) def');
    expect(mirrored('(x]')).toBe(')x[');
  });

  it('fontkit lays a right-to-left run out right to left, its letters joined (initial, medial, final forms)', async () => {
    const prepared = await prepareParagraph([{ text: 'فاطمة', style: { font: 'regular', size: 10, color: '#000000' } }], new FontResolver());
    const face = prepared.faces[0];
    const rtl = shape(face, 'فاطمة', true);
    // visual order: the last letter (ة, final form) leftmost, the first (ف, initial form) rightmost (dots are glyphs of their own)
    const letters = rtl.glyphs.filter((g) => g.codePoints.length > 0).map((g) => String.fromCodePoint(...g.codePoints));
    expect(letters).toEqual(['ة', 'م', 'ط', 'ا', 'ف']);
    const isolated = 'فاطمة'.split('').map((ch) => face.font.glyphForCodePoint(ch.codePointAt(0)!).id);
    expect(rtl.glyphs.map((g) => g.id).reverse()).not.toEqual(isolated);
  });
});

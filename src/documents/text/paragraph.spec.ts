import { FontResolver } from '../fonts/font-library';
import { breakLines, PlacedRun, prepareParagraph, TextStyle } from './paragraph';

const BODY: TextStyle = { font: 'regular', size: 10, color: '#000000' };

async function runsOf(text: string, width = 10_000, style: TextStyle = BODY): Promise<PlacedRun[][]> {
  const prepared = await prepareParagraph([{ text, style }], new FontResolver());
  return breakLines(prepared, width).map((line) => line.runs);
}

/** Every character of the run has a glyph in the run's font. */
const drawable = (run: PlacedRun) => [...run.text].every((ch) => run.face.font.hasGlyphForCodePoint(ch.codePointAt(0)!));

describe('a font for each run of text (font selection)', () => {
  it('a string mixing Latin, Greek, Arabic and Chinese is split into runs, each in a font that has its glyphs', async () => {
    const [runs] = await runsOf('Zoë Ελένη فاطمة 王小明');
    const byText = Object.fromEntries(runs.map((r) => [r.text.trim(), r.face.key]));
    expect(byText['Zoë']).toBe('noto-sans-latin-400');
    expect(byText['Ελένη']).toBe('noto-sans-greek-400');
    expect(byText['فاطمة']).toBe('noto-sans-arabic-arabic-400');
    expect(
      Object.keys(byText)
        .filter((t) => /[王小明]/.test(t))
        .map((t) => byText[t]),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^noto-sans-sc-\d+-400$/)]));
    expect(runs.map((r) => r.text).join('')).toHaveLength('Zoë Ελένη فاطمة 王小明'.length); // nothing lost or replaced
    for (const run of runs) expect(drawable(run)).toBe(true);
  });

  it.each([
    ['Cyrillic', 'Наталья Иванова', /^noto-sans-cyrillic-400$/],
    ['Latin with accents beyond Latin-1', 'Łukasz Wałęsa', /^noto-sans-latin(-ext)?-400$/],
    ['Hebrew', 'דוד כהן', /^noto-sans-hebrew-hebrew-400$/],
    ['Devanagari', 'लक्ष्मी देवी', /^noto-sans-devanagari-400$/],
    ['Bengali', 'রহিমা বেগম', /^noto-sans-bengali-bengali-400$/],
    ['Gurmukhi (Punjabi)', 'ਹਰਪ੍ਰੀਤ ਕੌਰ', /^noto-sans-gurmukhi-gurmukhi-400$/],
    ['Gujarati', 'કિરણ પટેલ', /^noto-sans-gujarati-gujarati-400$/],
    ['Tamil', 'கார்த்திக் செல்வம்', /^noto-sans-tamil-tamil-400$/],
    ['Sinhala', 'නිමල් පෙරේරා', /^noto-sans-sinhala-sinhala-400$/],
    ['Thai', 'สมชาย ใจดี', /^noto-sans-thai-thai-400$/],
    ['Ethiopic (Amharic, Tigrinya)', 'ሰላም ተስፋዬ', /^noto-sans-ethiopic-ethiopic-400$/],
    ['Georgian', 'ნინო ბერიძე', /^noto-sans-georgian-georgian-400$/],
    ['Armenian', 'Անի Պետրոսյան', /^noto-sans-armenian-armenian-400$/],
    ['Japanese (kana: a Japanese font)', '山田はなこ', /^noto-sans-jp-\d+-400$/],
    ['Korean (hangul: a Korean font)', '김민준', /^noto-sans-kr-\d+-400$/],
  ])('%s: every run in a font with its glyphs', async (_script, name, font) => {
    const [runs] = await runsOf(name);
    for (const run of runs) {
      if (run.text.trim()) expect(run.face.key).toMatch(font); // a space between words may come from the Latin font
      expect(drawable(run)).toBe(true);
    }
  });

  it('a bold span takes the bold instance of the same fonts', async () => {
    const [runs] = await runsOf('Ελένη 王', 10_000, { ...BODY, font: 'bold' });
    expect(runs.map((r) => r.face.key)).toEqual(expect.arrayContaining(['noto-sans-greek-700', expect.stringMatching(/^noto-sans-sc-\d+-700$/)]));
  });

  it('a combining mark stays with the letter it is on (one run: shaped together)', async () => {
    const [runs] = await runsOf('שָׁלוֹם');
    expect(runs).toHaveLength(1);
    expect(runs[0].face.key).toBe('noto-sans-hebrew-hebrew-400');
  });

  it('a character no font has is drawn from the primary font (a box), never replaced by "?"', async () => {
    const [runs] = await runsOf('a\u{10FFFD}b');
    expect(runs.map((r) => r.text).join('')).toBe('a\u{10FFFD}b');
  });
});

describe('lines', () => {
  it('break between words to fit the width; a word wider than a line is cut', async () => {
    const lines = await runsOf(`${'word '.repeat(40)}${'0123456789abcdef'.repeat(8)}`, 200);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(line.reduce((w, r) => w + r.width, 0)).toBeLessThanOrEqual(200.5);
  });
});

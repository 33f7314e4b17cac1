import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The fonts a document can use, all Noto (SIL Open Font License: embedding allowed) from the
 * @fontsource-variable packages on npm: each family is published as variable WOFF2 files, one
 * per unicode-range slice (Latin, Greek, Cyrillic …; about a hundred slices for each CJK
 * font), with a unicode.json naming the code points of each slice. Only the slices a document
 * needs are read (font-library.ts), so a Chinese name costs the few slices of its characters.
 *
 * For each character the first family of the chain that has a glyph for it is used
 * (text/itemize.ts); a run of Chinese, Japanese or Korean text orders the CJK families by
 * what the run holds (kana: Japanese first; hangul: Korean first; else Simplified Chinese),
 * since the same Han character is drawn differently in each.
 */

/** How a run of text is set: the weight and slant come from here, the size and colour from the layout. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'mono';

export type CjkContext = 'zh' | 'ja' | 'ko';

export interface FontFamily {
  id: string;
  /** The npm package. */
  pkg: string;
  /** File name prefix in the package's files/. */
  prefix: string;
  /** The unicode.json slices used: names, or every numbered slice ("[12]") of a CJK font. */
  subsets: readonly string[] | 'numbered';
  /** Whether the package has italic files (otherwise italic text is set upright). */
  italic: boolean;
}

const family = (id: string, subsets: FontFamily['subsets'], italic = false): FontFamily => ({
  id,
  pkg: `@fontsource-variable/${id}`,
  prefix: id,
  subsets,
  italic,
});

export const FAMILIES = {
  sans: family('noto-sans', ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'devanagari'], true),
  mono: family('noto-sans-mono', ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext']),
  arabic: family('noto-sans-arabic', ['arabic']),
  hebrew: family('noto-sans-hebrew', ['hebrew']),
  // the scripts of the languages most spoken in English schools after English (DfE school census):
  // Bengali and Sylheti, Punjabi, Gujarati, Tamil, Sinhala, Thai, Amharic and Tigrinya, Georgian, Armenian
  bengali: family('noto-sans-bengali', ['bengali']),
  gurmukhi: family('noto-sans-gurmukhi', ['gurmukhi']),
  gujarati: family('noto-sans-gujarati', ['gujarati']),
  tamil: family('noto-sans-tamil', ['tamil']),
  sinhala: family('noto-sans-sinhala', ['sinhala']),
  thai: family('noto-sans-thai', ['thai']),
  ethiopic: family('noto-sans-ethiopic', ['ethiopic']),
  georgian: family('noto-sans-georgian', ['georgian']),
  armenian: family('noto-sans-armenian', ['armenian']),
  sc: family('noto-sans-sc', 'numbered'),
  tc: family('noto-sans-tc', 'numbered'),
  jp: family('noto-sans-jp', 'numbered'),
  kr: family('noto-sans-kr', 'numbered'),
} as const satisfies Record<string, FontFamily>;

const SCRIPTS: FontFamily[] = [
  FAMILIES.bengali,
  FAMILIES.gurmukhi,
  FAMILIES.gujarati,
  FAMILIES.tamil,
  FAMILIES.sinhala,
  FAMILIES.thai,
  FAMILIES.ethiopic,
  FAMILIES.georgian,
  FAMILIES.armenian,
];

const CJK_ORDER: Record<CjkContext, FontFamily[]> = {
  zh: [FAMILIES.sc, FAMILIES.tc, FAMILIES.jp, FAMILIES.kr],
  ja: [FAMILIES.jp, FAMILIES.sc, FAMILIES.tc, FAMILIES.kr],
  ko: [FAMILIES.kr, FAMILIES.sc, FAMILIES.jp, FAMILIES.tc],
};

/** The families to try, in order, for text of this style (and CJK context). */
export function familyChain(style: FontStyle, cjk: CjkContext = 'zh'): FontFamily[] {
  const base = [FAMILIES.sans, FAMILIES.arabic, FAMILIES.hebrew, ...SCRIPTS, ...CJK_ORDER[cjk]];
  return style === 'mono' ? [FAMILIES.mono, ...base] : base;
}

/** The weight axis value and slant a style asks of a family. */
export function styleAxes(style: FontStyle, fam: FontFamily): { weight: number; italic: boolean } {
  return { weight: style === 'bold' ? 700 : 400, italic: style === 'italic' && fam.italic };
}

/** One slice file of a family. */
export interface FontSlice {
  family: FontFamily;
  subset: string;
}

export function sliceFile(slice: FontSlice, italic: boolean): string {
  const name = slice.subset.replace(/^\[(\d+)\]$/, '$1');
  return join(packageDir(slice.family), 'files', `${slice.family.prefix}-${name}-wght-${italic ? 'italic' : 'normal'}.woff2`);
}

function packageDir(fam: FontFamily): string {
  return dirname(require.resolve(`${fam.pkg}/package.json`));
}

/** Which slices of a family (by index into its subset list) claim each code point. */
interface Coverage {
  subsets: string[];
  slices: Map<number, number[]>;
}

const coverages = new Map<string, Coverage>();

function coverage(fam: FontFamily): Coverage {
  let c = coverages.get(fam.id);
  if (!c) {
    const ranges = JSON.parse(readFileSync(join(packageDir(fam), 'unicode.json'), 'utf8')) as Record<string, string>;
    const subsets = fam.subsets === 'numbered' ? Object.keys(ranges).filter((k) => /^\[\d+\]$/.test(k)) : fam.subsets.filter((s) => s in ranges);
    const slices = new Map<number, number[]>();
    subsets.forEach((subset, index) => {
      for (const range of ranges[subset].split(',')) {
        const [lo, hi] = range
          .trim()
          .replace(/^U\+/i, '')
          .split('-')
          .map((h) => parseInt(h, 16));
        for (let cp = lo; cp <= (hi ?? lo); cp++) {
          const list = slices.get(cp);
          if (list) list.push(index);
          else slices.set(cp, [index]);
        }
      }
    });
    c = { subsets, slices };
    coverages.set(fam.id, c);
  }
  return c;
}

/** The slices of `fam` whose unicode range includes `codePoint` (the font may still lack the glyph). */
export function slicesFor(fam: FontFamily, codePoint: number): FontSlice[] {
  const c = coverage(fam);
  return (c.slices.get(codePoint) ?? []).map((i) => ({ family: fam, subset: c.subsets[i] }));
}

/** The first slice of the primary family: the font of last resort (it draws a missing glyph as a box, never "?"). */
export const PRIMARY_SLICE: FontSlice = { family: FAMILIES.sans, subset: 'latin' };

const HAN_OR_KANA_OR_HANGUL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * For each UTF-16 index of `text`, the CJK context of the run of CJK text it belongs to (runs
 * are broken by anything but CJK characters, spaces, punctuation and marks): kana makes the
 * run Japanese, hangul Korean, otherwise Chinese.
 */
export function cjkContexts(text: string): CjkContext[] {
  const contexts: CjkContext[] = new Array(text.length).fill('zh');
  let start = -1;
  let kana = false;
  let hangul = false;
  const close = (end: number) => {
    if (start >= 0) contexts.fill(kana ? 'ja' : hangul ? 'ko' : 'zh', start, end);
    start = -1;
    kana = hangul = false;
  };
  let i = 0;
  for (const ch of text) {
    if (HAN_OR_KANA_OR_HANGUL.test(ch)) {
      if (start < 0) start = i;
      kana ||= KANA.test(ch);
      hangul ||= HANGUL.test(ch);
    } else if (!/[\s\p{P}\p{M}\u30FC]/u.test(ch)) close(i); // ー: the kana length mark
    i += ch.length;
  }
  close(text.length);
  return contexts;
}

import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { CjkContext, familyChain, FontSlice, FontStyle, PRIMARY_SLICE, sliceFile, slicesFor, styleAxes } from './font-catalog';

/**
 * A font ready to draw with: one slice of a family at one weight, as a static TrueType font.
 *
 * The npm packages ship variable WOFF2 only, and fontkit (pdfkit's font engine) can neither
 * instance a variable WOFF2 font nor subset one for embedding. HarfBuzz's hb-subset (the
 * subset-font package, WebAssembly) instances each slice once at the weight wanted (400, 700),
 * keeping every glyph and layout feature; fontkit then shapes and pdfkit embeds the glyphs used.
 */
export interface Face {
  /** Unique per slice, weight and slant; also the font's name in the PDF. */
  key: string;
  font: fontkit.Font;
}

/** Instanced faces kept per thread (most recently used), about 50 KB each. */
const MAX_CACHED_FACES = 256;
const cache = new Map<string, Promise<Face>>();

function faceKey(slice: FontSlice, weight: number, italic: boolean): string {
  return `${slice.family.id}-${slice.subset.replace(/[[\]]/g, '')}-${weight}${italic ? '-italic' : ''}`;
}

/** The face of a slice at a weight and slant, instanced on first use and cached. */
export function loadFace(slice: FontSlice, weight: number, italic: boolean): Promise<Face> {
  const key = faceKey(slice, weight, italic);
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key); // most recently used last
    cache.set(key, cached);
    return cached;
  }
  const loading = instance(slice, weight, italic, key);
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  while (cache.size > MAX_CACHED_FACES) cache.delete(cache.keys().next().value!);
  return loading;
}

async function instance(slice: FontSlice, weight: number, italic: boolean, key: string): Promise<Face> {
  const woff2 = readFileSync(sliceFile(slice, italic)); // small, and this runs on a render thread
  const ttf = await subsetFont(woff2, undefined, { keepAllGlyphs: true, targetFormat: 'truetype', variationAxes: { wght: weight }, noHinting: true });
  const font = fontkit.create(ttf) as fontkit.Font;
  // pdfkit tells embedded fonts apart by PostScript name: every slice and weight of a family has the same one.
  Object.defineProperty(font, 'postscriptName', { value: key });
  return { key, font };
}

/**
 * Finds, for a character, the first font of the chain that has a glyph for it (font-catalog.ts),
 * loading only the slices asked about. One per document: it remembers its answers.
 */
export class FontResolver {
  private readonly answers = new Map<string, Promise<Face | null>>();
  private readonly settled = new Map<string, Face | null>();

  /** The face of last resort for a style (Noto Sans Latin). */
  primary(style: FontStyle): Promise<Face> {
    const { weight, italic } = styleAxes(style, PRIMARY_SLICE.family);
    return loadFace(style === 'mono' ? { family: familyChain('mono')[0], subset: 'latin' } : PRIMARY_SLICE, weight, italic);
  }

  /** The first face of the chain with a glyph for `codePoint`, or null when no font has one. */
  resolve(codePoint: number, style: FontStyle, cjk: CjkContext): Promise<Face | null> {
    const key = `${style}|${cjk}|${codePoint}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.search(codePoint, style, cjk).then((face) => {
        this.settled.set(key, face);
        return face;
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** What resolve() found before, without waiting; undefined when it was not asked yet. */
  known(codePoint: number, style: FontStyle, cjk: CjkContext): Face | null | undefined {
    return this.settled.get(`${style}|${cjk}|${codePoint}`);
  }

  private async search(codePoint: number, style: FontStyle, cjk: CjkContext): Promise<Face | null> {
    for (const fam of familyChain(style, cjk)) {
      const { weight, italic } = styleAxes(style, fam);
      for (const slice of slicesFor(fam, codePoint)) {
        const face = await loadFace(slice, weight, italic);
        if (face.font.hasGlyphForCodePoint(codePoint)) return face;
      }
    }
    return null;
  }
}

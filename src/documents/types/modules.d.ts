// Types for the two dependencies of the PDF renderer that ship none.

declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    keepAllGlyphs?: boolean;
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    noHinting?: boolean;
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
  }
  /** HarfBuzz's hb-subset (WebAssembly): a subset or instance of a TrueType/WOFF/WOFF2 font. */
  function subsetFont(font: Buffer | Uint8Array, text: string | undefined, options?: SubsetFontOptions): Promise<Buffer>;
  export = subsetFont;
}

declare module 'linebreak' {
  /** The Unicode line breaking algorithm (UAX #14): the positions a line may break at. */
  class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
  export = LineBreaker;
}

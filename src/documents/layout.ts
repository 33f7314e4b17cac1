import { truncationNote } from './document-bounds';
import { DocumentBlock, PdfDocumentModel } from './document-model';
import { Face, FontResolver } from './fonts/font-library';
import { breakLines, Line, prepareParagraph, Span, TextStyle } from './text/paragraph';

/** A4 in points, and the margins of the current HR summary. */
export const PAGE = { width: 595.28, height: 841.89, top: 56, bottom: 64, left: 56, right: 56 } as const;
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Noto Sans's ascent and descent (per unit of font size): every line is as high as the largest text on it needs. */
const ASCENT = 1.069;
const DESCENT = 0.293;

/** A run of text; y is its baseline, from the top of the page. */
export interface TextOp {
  kind: 'text';
  face: Face;
  size: number;
  color: string;
  x: number;
  y: number;
  text: string;
  rtl: boolean;
  width: number;
}

/** A horizontal rule (under a heading). */
export interface RuleOp {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number;
  width: number;
  color: string;
}

export type Op = TextOp | RuleOp;

export interface LaidOutDocument {
  pages: Op[][];
  /** Blocks taken back to stay within the page bound (0: none). */
  omittedAtPageBound: number;
}

const BLACK = '#000000';
const style = (font: TextStyle['font'], size: number, color = BLACK): TextStyle => ({ font, size, color });
export const STYLES = {
  title: style('bold', 18),
  subtitle: style('regular', 12),
  heading: style('bold', 13),
  subheading: style('bold', 10),
  body: style('regular', 10),
  label: style('bold', 10),
  mono: style('mono', 8.5),
  quote: style('italic', 10, '#333333'),
  note: style('italic', 9.5, '#444444'),
  footer: style('regular', 8, '#555555'),
} as const;

/** Thrown by Pages.newPage() past the page bound; the block being laid out is then taken back. */
class PageLimitReached extends Error {}

/** The pages as they fill: ops per page and where the next line goes. */
class Pages {
  readonly pages: Op[][] = [[]];
  y: number = PAGE.top;

  constructor(private readonly maxPages: number) {}

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  newPage(): void {
    if (this.pages.length >= this.maxPages) throw new PageLimitReached();
    this.pages.push([]);
    this.y = PAGE.top;
  }

  /** Space before a block; none at the top of a page. */
  gap(points: number): void {
    if (this.y > PAGE.top) this.y += points;
  }

  /** A new page unless `points` more fit on this one (an empty page takes anything). */
  need(points: number): void {
    if (this.y + points > this.bottom && this.y > PAGE.top) this.newPage();
  }

  add(op: Op): void {
    this.pages[this.pages.length - 1].push(op);
  }

  snapshot(): { pages: number; ops: number; y: number } {
    return { pages: this.pages.length, ops: this.pages[this.pages.length - 1].length, y: this.y };
  }

  restore(s: { pages: number; ops: number; y: number }): void {
    this.pages.length = s.pages;
    this.pages[s.pages - 1].length = s.ops;
    this.y = s.y;
  }

  /** Lines of a paragraph, each on this page if it fits, else on the next. */
  lines(lines: Line[], x: number, width: number, align: 'left' | 'right' = 'left'): void {
    for (const line of lines) {
      const size = Math.max(...line.runs.map((r) => r.style.size), 0) || STYLES.body.size;
      const height = size * (ASCENT + DESCENT);
      this.need(height);
      const baseline = this.y + size * ASCENT;
      const start = align === 'right' ? x + width - line.width : x;
      for (const run of line.runs) {
        this.add({
          kind: 'text',
          face: run.face,
          size: run.style.size,
          color: run.style.color,
          x: start + run.x,
          y: baseline,
          text: run.text,
          rtl: run.rtl,
          width: run.width,
        });
      }
      this.y += height;
    }
  }
}

/** Splits spans at line breaks: one list of spans per line of the text. */
function hardLines(spans: Span[]): Span[][] {
  const out: Span[][] = [[]];
  for (const span of spans) {
    span.text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach((part, i) => {
        if (i > 0) out.push([]);
        if (part) out[out.length - 1].push({ text: part, style: span.style });
      });
  }
  return out;
}

/**
 * Lays the document out on A4 pages: the title, then each block (layout of the current HR
 * summary: headings ruled and kept with what follows, fields as "Label: value", quotes
 * indented in italics), then a footer on every page with "Page n of m". Past `maxPages`,
 * the blocks that do not fit are taken back and a note says how many are not shown.
 */
export async function layoutDocument(model: PdfDocumentModel, fonts: FontResolver, maxPages: number): Promise<LaidOutDocument> {
  const pages = new Pages(maxPages);
  const paragraph = async (spans: Span[], x: number = PAGE.left, width: number = CONTENT_WIDTH, align: 'left' | 'right' = 'left') => {
    for (const line of hardLines(spans)) {
      const prepared = await prepareParagraph(line, fonts);
      pages.lines(breakLines(prepared, width), x, width, align);
    }
  };

  await paragraph([{ text: model.title, style: STYLES.title }]);
  if (model.subtitle) await paragraph([{ text: model.subtitle, style: STYLES.subtitle }]);
  pages.gap(6);

  const block = async (b: DocumentBlock) => {
    switch (b.kind) {
      case 'heading': {
        pages.gap(10);
        if (pages.y > pages.bottom - 80) pages.newPage(); // keep a heading with a few lines of its section
        await paragraph([{ text: b.text, style: STYLES.heading }]);
        const y = pages.y + 2;
        pages.add({ kind: 'rule', x1: PAGE.left, x2: PAGE.left + CONTENT_WIDTH, y, width: 0.5, color: '#888888' });
        pages.y = y + 6;
        return;
      }
      case 'subheading':
        pages.gap(3);
        if (pages.y > pages.bottom - 40) pages.newPage();
        return paragraph([{ text: b.text, style: STYLES.subheading }]);
      case 'paragraph':
        await paragraph([{ text: b.text, style: STYLES.body }], PAGE.left, CONTENT_WIDTH, b.align);
        pages.gap(4);
        return;
      case 'field':
        return paragraph([
          { text: `${b.label}: `, style: STYLES.label },
          { text: b.value, style: b.mono ? STYLES.mono : STYLES.body },
        ]);
      case 'quote':
        return paragraph([{ text: `“${b.text}”`, style: STYLES.quote }], PAGE.left + 12, CONTENT_WIDTH - 12);
      case 'note':
        pages.gap(3);
        return paragraph([{ text: b.text, style: STYLES.note }]);
      case 'pageBreak':
        if (pages.y > PAGE.top) pages.newPage();
        return;
    }
  };

  // Every block, then the note of what was left out; past the page bound, the blocks that do
  // not fit are taken back (and more if the note does not fit on the last page).
  const already = model.omittedBlocks ?? 0;
  const note = (left: number): DocumentBlock => ({ kind: 'note', text: truncationNote(left, model.truncationHint) });
  const before: Array<ReturnType<Pages['snapshot']>> = [];
  let omitted = 0;
  for (let i = 0; i <= model.blocks.length; i++) {
    before.push(pages.snapshot());
    try {
      if (i < model.blocks.length) await block(model.blocks[i]);
      else if (already > 0) await block(note(already));
    } catch (error) {
      if (!(error instanceof PageLimitReached)) throw error;
      for (let k = i; k >= 0; k--) {
        pages.restore(before[k]);
        try {
          await block(note(model.blocks.length - k + already));
          omitted = model.blocks.length - k;
          break;
        } catch (again) {
          if (!(again instanceof PageLimitReached)) throw again;
        }
      }
      break;
    }
  }

  await footers(pages.pages, model.footer, fonts);
  return { pages: pages.pages, omittedAtPageBound: omitted };
}

/** `footer` and "Page n of m" at the foot of every page, on one line. */
async function footers(pages: Op[][], footer: string | undefined, fonts: FontResolver): Promise<void> {
  const baseline = PAGE.height - 40 + STYLES.footer.size * ASCENT;
  const place = (page: Op[], line: Line | undefined, x: number) => {
    for (const run of line?.runs ?? []) {
      page.push({
        kind: 'text',
        face: run.face,
        size: run.style.size,
        color: run.style.color,
        x: x + run.x,
        y: baseline,
        text: run.text,
        rtl: run.rtl,
        width: run.width,
      });
    }
  };
  const text = footer
    ? breakLines(await prepareParagraph([{ text: footer.replace(/\s+/g, ' '), style: STYLES.footer }], fonts), CONTENT_WIDTH - 70)[0]
    : undefined;
  for (let i = 0; i < pages.length; i++) {
    place(pages[i], text, PAGE.left);
    const [number] = breakLines(await prepareParagraph([{ text: `Page ${i + 1} of ${pages.length}`, style: STYLES.footer }], fonts), CONTENT_WIDTH);
    place(pages[i], number, PAGE.left + CONTENT_WIDTH - number.width);
  }
}

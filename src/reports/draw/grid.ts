/**
 * A ruled table drawn with the geometry of the pdfmake cwGrid layout: 0.5 pt rules around every
 * cell, 2 pt padding left and right, 1.5 pt above and below, fixed and '*' column widths shared
 * out as pdfmake does, cells spanning columns, header rows repeated when a table runs onto the
 * next page, and rows that never split.
 */
import type { Pages } from './pages';
import { lineOf } from './pages';

export type Align = 'left' | 'right' | 'center';

/** One line of a cell: its text, size, colour and line height factor. */
export interface TextLine { text: string; size: number; color?: string; lh: number }

/** A cell: its lines (already wrapped to its width), alignment, fill, the columns it spans, and its own margin [left, top, right, bottom]. */
export interface Cell { lines: TextLine[]; align?: Align; fill?: string; span?: number; margin?: [number, number, number, number] }

/** A table layout's rules and padding: cwGrid (0.5 pt rules, 2 / 1.5 pt padding) or cwPlain (none, 0 / 1 pt). */
export interface GridLayout { rule: number; padX: number; padY: number }

/** The reports' ruled table layout (layout.ts GRID_LAYOUT). */
export const GRID: GridLayout = { rule: 0.5, padX: 2, padY: 1.5 };
/** The reports' borderless layout (layout.ts PLAIN_LAYOUT). */
export const PLAIN: GridLayout = { rule: 0, padX: 0, padY: 1 };

/** How a text is set in a cell. */
export interface TextStyle { size?: number; color?: string; lh?: number; align?: Align; fill?: string; span?: number; margin?: [number, number, number, number] }


/** A table being drawn at the page cursor. */
export class Grid {
  /** The x of each column's left rule, and of the table's right rule last. */
  readonly edges: number[];
  private open = false;
  private header: Cell[][] = [];
  /** What each column adds to its content width: the rule on its left and the padding on both sides. */
  private readonly extra: number;

  constructor(readonly pages: Pages, widths: Array<number | '*'>, readonly layout: GridLayout = GRID, x0 = pages.left, total = pages.width) {
    this.extra = layout.rule + 2 * layout.padX;
    const fixed = widths.reduce<number>((s, w) => s + (w === '*' ? 0 : w), 0);
    const stars = widths.filter((w) => w === '*').length;
    const star = stars ? Math.max(0, (total - fixed - this.extra * widths.length - layout.rule) / stars) : 0;
    this.edges = [x0];
    for (const w of widths) this.edges.push(this.edges[this.edges.length - 1] + (w === '*' ? star : w) + this.extra);
  }

  /** The content width of `span` columns from `col`. */
  contentWidth(col: number, span = 1): number {
    return this.edges[col + span] - this.edges[col] - this.extra;
  }

  /** A cell of `text` wrapped to its columns' width. */
  cell(text: string, col: number, style: TextStyle = {}): Cell {
    return { lines: this.linesOf(text, col, style), align: style.align, fill: style.fill, span: style.span, margin: style.margin };
  }

  /** The wrapped lines of `text` for a cell at `col` (for cells that stack several texts). */
  linesOf(text: string, col: number, style: TextStyle = {}): TextLine[] {
    const size = style.size ?? 8;
    const lh = style.lh ?? 1.1;
    if (text === '') return [];
    const m = style.margin ?? [0, 0, 0, 0];
    return this.pages.widths.wrap(text, this.contentWidth(col, style.span ?? 1) - m[0] - m[2], size).map((t) => ({ text: t, size, color: style.color, lh }));
  }

  /** The rows repeated at the top of every page the table runs onto; drawn now. */
  head(rows: Cell[][]): void {
    this.header = rows;
    this.pages.repeat = () => { for (const r of this.header) this.draw(r); };
    for (const r of rows) this.row(r);
  }

  /** A row's height from its top rule to the next row's top rule. */
  heightOf(cells: Cell[]): number {
    let h = 0;
    for (const c of cells) {
      let ch = c.margin ? c.margin[1] + c.margin[3] : 0;
      for (const l of c.lines) ch += lineOf(l.size, l.lh);
      h = Math.max(h, ch);
    }
    return this.layout.rule + this.layout.padY + h + this.layout.padY;
  }

  /** The height of `rows` drawn together, with the closing rule. */
  blockHeight(rows: Cell[][]): number {
    return rows.reduce((s, r) => s + this.heightOf(r), 0) + this.layout.rule;
  }

  /** Draws a row, on the next page (after the repeated header) when it does not fit here. */
  row(cells: Cell[]): void {
    if (!this.pages.fits(this.heightOf(cells) + this.layout.rule)) {
      this.close();
      this.pages.newPage();
    }
    this.draw(cells);
  }

  /** Ends the table: its bottom rule, and no more header repeats. */
  end(): void {
    this.close();
    this.pages.repeat = null;
    this.header = [];
  }

  private close(): void {
    if (!this.open) return;
    const rule = this.layout.rule;
    if (rule) this.pages.rules.hLine(this.edges[0], this.edges[this.edges.length - 1], this.pages.y + rule / 2);
    this.pages.y += rule;
    this.open = false;
  }

  private draw(cells: Cell[]): void {
    const p = this.pages;
    const top = p.y;
    const h = this.heightOf(cells);
    const rules = p.rules;
    const { rule, padX, padY } = this.layout;
    const mid = rule / 2;
    if (rule) rules.hLine(this.edges[0], this.edges[this.edges.length - 1], top + mid);
    let col = 0;
    for (const c of cells) {
      const span = c.span ?? 1;
      const x1 = this.edges[col];
      const x2 = this.edges[col + span];
      if (c.fill) rules.fillRect(c.fill, x1 + mid, top + mid, x2 - x1, h);
      const m = c.margin ?? [0, 0, 0, 0];
      let y = top + rule + padY + m[1];
      const left = x1 + rule + padX + m[0];
      const right = x2 - padX - m[2];
      for (const l of c.lines) {
        const x = c.align === 'right' ? right - p.widths.of(l.text, l.size) : c.align === 'center' ? (left + right - p.widths.of(l.text, l.size)) / 2 : left;
        rules.text(l.text, x, y, l.size, l.color);
        y += lineOf(l.size, l.lh);
      }
      if (rule) rules.vLine(x1 + mid, top, top + h);
      col += span;
    }
    if (rule) rules.vLine(this.edges[col] + mid, top, top + h);
    p.y += h;
    this.open = true;
  }
}

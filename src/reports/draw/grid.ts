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

/** A cell: its lines (already wrapped to its width), alignment, fill and the columns it spans. */
export interface Cell { lines: TextLine[]; align?: Align; fill?: string; span?: number }

/** How a text is set in a cell. */
export interface TextStyle { size?: number; color?: string; lh?: number; align?: Align; fill?: string; span?: number }

const PAD_X = 2;
const PAD_Y = 1.5;
const RULE = 0.5;
/** What each column adds to its content width: the rule on its left and the padding on both sides. */
const COLUMN_EXTRA = RULE + 2 * PAD_X;

/** A table being drawn at the page cursor. */
export class Grid {
  /** The x of each column's left rule, and of the table's right rule last. */
  readonly edges: number[];
  private open = false;
  private header: Cell[][] = [];

  constructor(readonly pages: Pages, widths: Array<number | '*'>, x0 = pages.left, total = pages.width) {
    const fixed = widths.reduce<number>((s, w) => s + (w === '*' ? 0 : w), 0);
    const stars = widths.filter((w) => w === '*').length;
    const star = stars ? Math.max(0, (total - fixed - COLUMN_EXTRA * widths.length - RULE) / stars) : 0;
    this.edges = [x0];
    for (const w of widths) this.edges.push(this.edges[this.edges.length - 1] + (w === '*' ? star : w) + COLUMN_EXTRA);
  }

  /** The content width of `span` columns from `col`. */
  contentWidth(col: number, span = 1): number {
    return this.edges[col + span] - this.edges[col] - COLUMN_EXTRA;
  }

  /** A cell of `text` wrapped to its columns' width. */
  cell(text: string, col: number, style: TextStyle = {}): Cell {
    return { lines: this.linesOf(text, col, style), align: style.align, fill: style.fill, span: style.span };
  }

  /** The wrapped lines of `text` for a cell at `col` (for cells that stack several texts). */
  linesOf(text: string, col: number, style: TextStyle = {}): TextLine[] {
    const size = style.size ?? 8;
    const lh = style.lh ?? 1.1;
    if (text === '') return [];
    return this.pages.widths.wrap(text, this.contentWidth(col, style.span ?? 1), size).map((t) => ({ text: t, size, color: style.color, lh }));
  }

  /** The rows repeated at the top of every page the table runs onto; drawn now. */
  head(rows: Cell[][]): void {
    this.header = rows;
    this.pages.repeat = () => { for (const r of this.header) this.draw(r); };
    for (const r of rows) this.row(r);
  }

  /** A row's height from its top rule to the next row's top rule. */
  static heightOf(cells: Cell[]): number {
    let h = 0;
    for (const c of cells) {
      let ch = 0;
      for (const l of c.lines) ch += lineOf(l.size, l.lh);
      h = Math.max(h, ch);
    }
    return RULE + PAD_Y + h + PAD_Y;
  }

  /** The height of `rows` drawn together, with the closing rule. */
  static blockHeight(rows: Cell[][]): number {
    return rows.reduce((s, r) => s + Grid.heightOf(r), 0) + RULE;
  }

  /** Draws a row, on the next page (after the repeated header) when it does not fit here. */
  row(cells: Cell[]): void {
    if (!this.pages.fits(Grid.heightOf(cells) + RULE)) {
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
    this.pages.rules.hLine(this.edges[0], this.edges[this.edges.length - 1], this.pages.y + RULE / 2);
    this.pages.y += RULE;
    this.open = false;
  }

  private draw(cells: Cell[]): void {
    const p = this.pages;
    const top = p.y;
    const h = Grid.heightOf(cells);
    const rules = p.rules;
    const mid = RULE / 2;
    rules.hLine(this.edges[0], this.edges[this.edges.length - 1], top + mid);
    let col = 0;
    for (const c of cells) {
      const span = c.span ?? 1;
      const x1 = this.edges[col];
      const x2 = this.edges[col + span];
      if (c.fill) rules.fillRect(c.fill, x1 + mid, top + mid, x2 - x1, h);
      let y = top + RULE + PAD_Y;
      const left = x1 + RULE + PAD_X;
      const right = x2 - PAD_X;
      for (const l of c.lines) {
        const x = c.align === 'right' ? right - p.widths.of(l.text, l.size) : c.align === 'center' ? (left + right - p.widths.of(l.text, l.size)) / 2 : left;
        rules.text(l.text, x, y, l.size, l.color);
        y += lineOf(l.size, l.lh);
      }
      rules.vLine(x1 + mid, top, top + h);
      col += span;
    }
    rules.vLine(this.edges[col] + mid, top, top + h);
    p.y += h;
    this.open = true;
  }
}

/**
 * The page cursor of a drawn report laid out like the pdfmake reports: margins, the running header
 * on every page after the first, the page's buffered fills, text and rules (rules.ts) flushed when
 * the page ends, and the pdfmake line box (ascent − descent of the font, times the line height).
 */
import { FONT } from '../layout';
import { PageRules } from './rules';
import type { Pdf } from './pdfkit';
import { Widths } from './measure';

/** The font's ascent − descent over its em (CwSansSC: 1160 + 288 of 1000): pdfmake's line box. */
export const FONT_LINE = 1.448;
/** The height of a line of `size`-point text at line height `lh` (the reports' default 1.1), as pdfmake sets it. */
export const lineOf = (size: number, lh = 1.1): number => size * FONT_LINE * lh;
/** Table rules and their colour, as the pdfmake cwGrid layout. */
export const RULE_WIDTH = 0.5;
export const RULE_COLOR = '#555555';

/** Page margins in points. */
export interface Margins { top: number; bottom: number; left: number; right: number }

/** The pages of a drawn report and the cursor on the current one. */
export class Pages {
  readonly rules = new PageRules();
  readonly widths: Widths;
  y = 0;
  count = 0;
  /** Called at the top of each new page after the first one, e.g. to repeat a table's header. */
  repeat: (() => void) | null = null;

  constructor(readonly doc: Pdf, readonly margins: Margins, private readonly header: string, private readonly headerRight: number) {
    this.doc.font(FONT, 8);
    this.widths = new Widths(doc);
  }

  /** Left and right edge of the content, and the bottom limit. */
  get left(): number { return this.margins.left; }
  get right(): number { return this.doc.page.width - this.margins.right; }
  get bottom(): number { return this.doc.page.height - this.margins.bottom; }
  get width(): number { return this.right - this.left; }

  /** Ends the current page (if any) and starts the next; repeats what `repeat` draws. */
  newPage(): void {
    if (this.count > 0) this.rules.flush(this.doc, RULE_WIDTH, RULE_COLOR);
    this.doc.addPage();
    this.count++;
    this.y = this.margins.top;
    if (this.count > 1) {
      this.rules.text(this.header, this.doc.page.width - this.headerRight - this.widths.of(this.header, 7), 16, 7, '#666666');
      this.repeat?.();
    }
  }

  /** Whether `h` more points fit on this page. */
  fits(h: number): boolean {
    return this.y + h <= this.bottom + 0.01;
  }

  /** Room for `h` more points on this page, or a new page. */
  ensure(h: number): void {
    if (!this.fits(h)) this.newPage();
  }

  /** Draws what is buffered for the last page. */
  finish(): void {
    this.rules.flush(this.doc, RULE_WIDTH, RULE_COLOR);
  }
}

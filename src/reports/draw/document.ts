/**
 * The tabular reports (考核结果汇总表, 财政补助测算表, 退休到龄名单, 岗位等级调整名单 …) drawn with
 * PDFKit from their pdfmake document definition, when it holds only what layout.ts makes:
 * paragraphs with the reports' styles, cwGrid and cwPlain tables (fixed, '*' and 'auto' widths,
 * header rows repeated, rows kept whole, spans, fills), stacks, unbreakable blocks. Anything else
 * (an SVG chart, a list) leaves the document to pdfmake. Positions follow pdfmake's layout
 * (grid.ts), so the pages read and look the same.
 */
import { FONT } from '../layout';
import type { DocDefinition, Node } from '../layout';
import { Grid, GRID, PLAIN } from './grid';
import type { Align, Cell } from './grid';
import { lineOf, Pages } from './pages';
import type { Pdf } from './pdfkit';

/** The text properties a report's styles set. */
interface Style { fontSize?: number; color?: string; fillColor?: string; alignment?: Align; margin?: number | number[]; lineHeight?: number }

const PARAGRAPH_KEYS = new Set(['text', 'style', 'alignment', 'margin', 'fontSize', 'color', 'bold']);
const TABLE_KEYS = new Set(['table', 'layout', 'margin', 'unbreakable', 'fontSize', 'lineHeight']);
const TABLE_BODY_KEYS = new Set(['widths', 'body', 'headerRows', 'dontBreakRows']);
const CELL_KEYS = new Set(['text', 'style', 'alignment', 'colSpan', 'bold', 'margin', 'fillColor', 'noWrap', 'color', 'fontSize']);
const STACK_KEYS = new Set(['stack', 'margin', 'unbreakable', 'pageBreak']);

const only = (o: object, keys: Set<string>) => Object.keys(o).every((k) => keys.has(k));
const plainText = (t: unknown) => typeof t === 'string' || typeof t === 'number';

function cellDrawable(c: Node): boolean {
  return plainText(c) || (c !== null && typeof c === 'object' && only(c, CELL_KEYS) && plainText(c.text ?? '') && (c.style === undefined || typeof c.style === 'string'));
}

function nodeDrawable(n: Node): boolean {
  if (plainText(n)) return true;
  if (!n || typeof n !== 'object' || Array.isArray(n)) return false;
  if ('table' in n) {
    const t = n.table;
    return only(n, TABLE_KEYS) && (n.layout === 'cwGrid' || n.layout === 'cwPlain') && only(t, TABLE_BODY_KEYS)
      && t.widths.every((w: unknown) => typeof w === 'number' || w === '*' || w === 'auto')
      && t.body.every((r: Node[]) => Array.isArray(r) && r.length === t.widths.length && r.every(cellDrawable));
  }
  if ('stack' in n) return only(n, STACK_KEYS) && (n.pageBreak === undefined || n.pageBreak === 'before') && n.stack.every(nodeDrawable);
  return 'text' in n && only(n, PARAGRAPH_KEYS) && plainText(n.text) && (n.style === undefined || typeof n.style === 'string');
}

/** Whether every node of the document is one this drawer lays out as pdfmake would. */
export function documentDrawable(doc: DocDefinition): boolean {
  return Array.isArray(doc.content) && doc.content.every(nodeDrawable) && typeof doc.footer === 'function';
}

const fourSides = (m: number | number[] | undefined): [number, number, number, number] =>
  m === undefined ? [0, 0, 0, 0] : typeof m === 'number' ? [m, m, m, m] : m.length === 2 ? [m[0], m[1], m[0], m[1]] : [m[0], m[1], m[2], m[3]];

/** Draws a document definition's content; the page numbers are added by the caller. */
class DocumentDrawer {
  constructor(private readonly p: Pages, private readonly def: DocDefinition) {}

  private style(...layers: Array<Style | string | undefined>): Required<Pick<Style, 'fontSize' | 'lineHeight'>> & Style {
    const out: Record<string, unknown> = { fontSize: 8, lineHeight: 1, ...(this.def.defaultStyle as Style) };
    for (const l of layers) {
      const layer = typeof l === 'string' ? this.def.styles?.[l] : l;
      // Only what a layer sets: an absent property (undefined) leaves the one below it.
      if (layer) for (const [k, v] of Object.entries(layer)) if (v !== undefined) out[k] = v;
    }
    return out as unknown as Required<Pick<Style, 'fontSize' | 'lineHeight'>> & Style;
  }

  draw(n: Node): void {
    if (plainText(n)) return this.paragraph({ text: n });
    if ('table' in n) return this.table(n);
    if ('stack' in n) {
      if (n.pageBreak === 'before') this.p.newPage();
      const m = fourSides(n.margin);
      if (n.unbreakable) this.p.ensure(this.measure(n));
      this.p.y += m[1];
      for (const c of n.stack) this.draw(c);
      this.p.y += m[3];
      return;
    }
    this.paragraph(n);
  }

  /** The height a node takes when it does not break (for unbreakable blocks). */
  private measure(n: Node): number {
    if (plainText(n)) return this.paragraphLines({ text: n }).height;
    const m = fourSides(n.margin);
    if ('table' in n) {
      const { grid, rows } = this.tableRows(n);
      return m[1] + grid.blockHeight(rows) + m[3];
    }
    if ('stack' in n) return m[1] + n.stack.reduce((s: number, c: Node) => s + this.measure(c), 0) + m[3];
    return this.paragraphLines(n).height;
  }

  private paragraphLines(n: Node): { lines: string[]; style: ReturnType<DocumentDrawer['style']>; height: number; m: [number, number, number, number] } {
    const style = this.style(n.style, n);
    const m = fourSides(style.margin);
    const lines = this.p.widths.wrap(String(n.text), this.p.width - m[0] - m[2], style.fontSize);
    return { lines, style, m, height: m[1] + lines.length * lineOf(style.fontSize, style.lineHeight) + m[3] };
  }

  private paragraph(n: Node): void {
    const p = this.p;
    const { lines, style, m } = this.paragraphLines(n);
    const lh = lineOf(style.fontSize, style.lineHeight);
    p.y += m[1];
    for (const t of lines) {
      p.ensure(lh);
      const w = style.alignment === 'center' || style.alignment === 'right' ? p.widths.of(t, style.fontSize) : 0;
      const x0 = p.left + m[0];
      const x1 = p.right - m[2];
      const x = style.alignment === 'center' ? (x0 + x1 - w) / 2 : style.alignment === 'right' ? x1 - w : x0;
      p.rules.text(t, x, p.y, style.fontSize, style.color);
      p.y += lh;
    }
    p.y += m[3];
  }

  /** The table's grid (widths resolved) and its rows as cells. */
  private tableRows(n: Node): { grid: Grid; rows: Cell[][] } {
    const t = n.table;
    const layout = n.layout === 'cwPlain' ? PLAIN : GRID;
    const base = { fontSize: n.fontSize, lineHeight: n.lineHeight };
    const styleOf = (c: Node) => (plainText(c) ? this.style(base) : this.style(base, c.style, c));
    // 'auto': the widest unbroken text of the column's own cells, as pdfmake sizes it.
    const widths: Array<number | '*'> = t.widths.map((w: number | string, col: number) => {
      if (w !== 'auto') return w;
      let max = 0;
      for (const r of t.body) {
        const c = r[col];
        if (!plainText(c) && (c.colSpan ?? 1) > 1) continue;
        const s = styleOf(c);
        for (const part of String(plainText(c) ? c : c.text ?? '').split('\n')) max = Math.max(max, this.p.widths.of(part, s.fontSize));
      }
      return max;
    });
    const grid = new Grid(this.p, widths, layout);
    const rows: Cell[][] = t.body.map((r: Node[]) => {
      const cells: Cell[] = [];
      for (let col = 0; col < r.length;) {
        const c = r[col];
        const s = styleOf(c);
        const span = plainText(c) ? 1 : c.colSpan ?? 1;
        const text = String(plainText(c) ? c : c.text ?? '');
        cells.push(grid.cell(text, col, { size: s.fontSize, lh: s.lineHeight, color: s.color, align: s.alignment, fill: s.fillColor, span, margin: plainText(c) || c.margin === undefined ? undefined : fourSides(c.margin) }));
        col += span;
      }
      return cells;
    });
    return { grid, rows };
  }

  private table(n: Node): void {
    const m = fourSides(n.margin);
    const { grid, rows } = this.tableRows(n);
    // An unbreakable block moved to a new page starts at its top, without its top margin (as pdfmake).
    if (n.unbreakable && !this.p.fits(m[1] + grid.blockHeight(rows) + m[3])) this.p.newPage();
    else this.p.y += m[1];
    const head = n.table.headerRows ?? 0;
    if (head) grid.head(rows.slice(0, head));
    for (const r of rows.slice(head)) grid.row(r);
    grid.end();
    this.p.y += m[3];
  }
}

/** Draws a drawable document definition (see `documentDrawable`) into an empty document. */
export function drawDocument(doc: Pdf, def: DocDefinition): number {
  const [left, top, right, bottom] = def.pageMargins as number[];
  // The running header of page 2 onwards, from the definition's own header function.
  const header = (def.header as ((page: number) => Node) | undefined)?.(2);
  const p = new Pages(doc, { left, top, right, bottom }, header?.text ?? '', header?.margin?.[2] ?? right);
  doc.font(FONT, 8);
  p.newPage();
  for (const n of def.content) new DocumentDrawer(p, def).draw(n);
  p.finish();
  return p.count;
}

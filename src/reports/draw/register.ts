/**
 * 社区工作者薪酬发放表 drawn with PDFKit directly, under the look of the pdfmake version: A4
 * landscape, title block, running header, 第 N 页 / 共 M 页, one table per street whose street
 * row and column headings repeat on every page it spans, community rows, subtotals, street
 * totals, the list of workers that could not be assessed, the grand total with the signatures.
 * Rows have a fixed height; columns are measured once from their content; each page's rules are
 * one path (rules.ts). The columns come from the data (`itemNames`), never from a policy.
 */
import { FONT, money, policyLine, runningHeader } from '../layout';
import { amountOf, DEDUCTIONS_NOTE, groups, sums } from '../builders';
import { sumText } from '../data';
import type { ReportData, WorkerLine } from '../types';
import type { Pdf } from './pdfkit';
import { Widths } from './measure';
import { PageRules } from './rules';

const MARGIN = { top: 36, bottom: 36, left: 32, right: 32 };
const SIZE = 8;
const PAD = 2;
/** The font's ascent − descent over its em (CwSansSC: 1160 + 288 of 1000): pdfmake's line box. */
const FONT_LINE = 1.448;
/** A line of text at `size` with the reports' line height 1.1, as pdfmake sets it. */
const lineOf = (size: number) => size * FONT_LINE * 1.1;
const LINE = lineOf(SIZE);
/** One line of 8-point text with 1.5 pt padding above and below, as the pdfmake register's rows. */
const ROW = LINE + 3;
const RULE = '#555555';
const FILL = { th: '#e8e8e8', group: '#f4f4f4', subtotal: '#f4f4f4', total: '#dddddd' } as const;

type Align = 'left' | 'right' | 'center';

/** The register being drawn: the cursor, the page's buffer, the columns. */
class Register {
  readonly rules = new PageRules();
  /** Widths from cached per-character advances: each string is summed, not laid out by the font again. */
  readonly widths: Widths;
  y = 0;
  pages = 0;
  readonly x0 = MARGIN.left;
  readonly right: number;
  readonly bottom: number;
  /** Left edge of each column, and the right edge of the last. */
  edges: number[] = [];
  /** Redrawn at the top of a page while a street's table runs on. */
  repeat: (() => void) | null = null;

  constructor(readonly doc: Pdf, readonly data: ReportData) {
    this.doc.font(FONT, SIZE);
    this.widths = new Widths(doc);
    this.newPage();
    this.right = this.doc.page.width - MARGIN.right;
    this.bottom = this.doc.page.height - MARGIN.bottom;
  }

  newPage(): void {
    if (this.pages > 0) this.rules.flush(this.doc, 0.5, RULE);
    this.doc.addPage();
    this.pages++;
    this.y = MARGIN.top;
    if (this.pages > 1) {
      const text = runningHeader(this.data);
      this.rules.text(text, this.doc.page.width - MARGIN.right - this.width(text, 7), 16, 7, '#666666');
      this.repeat?.();
    }
  }

  /** Room for `h` more points on this page, or a new page. */
  ensure(h: number): void {
    if (this.y + h > this.doc.page.height - MARGIN.bottom + 0.01) this.newPage();
  }

  width(text: string, size = SIZE): number {
    return this.widths.of(text, size);
  }

  /** One-line text in the box [x1, x2] at row top `top` of height `h`. */
  cellText(text: string, x1: number, x2: number, top: number, h: number, align: Align, size = SIZE, color?: string): void {
    if (!text) return;
    const w = align === 'left' ? 0 : this.width(text, size);
    const x = align === 'left' ? x1 + PAD : align === 'right' ? x2 - PAD - w : (x1 + x2 - w) / 2;
    this.rules.text(text, x, top + (h - lineOf(size)) / 2 + (lineOf(size) - size * FONT_LINE) / 2, size, color);
  }

  /** A row's vertical rules at the given column boundaries, and the rule under it. */
  rowRules(top: number, h: number, boundaries: number[]): void {
    for (const b of boundaries) this.rules.vLine(this.edges[b], top, top + h);
    this.rules.hLine(this.edges[0], this.edges[this.edges.length - 1], top + h);
  }
}

/** Column widths: the register's base widths, widened to their longest text (the signature column apart). */
function measureColumns(r: Register, header: string[], rows: string[][], base: number[]): number[] {
  const widths = base.map((w, c) => {
    let need = 0;
    for (const row of rows) {
      const t = row[c];
      if (t) need = Math.max(need, r.width(t));
    }
    // A header may wrap onto two lines; its longest character run sets a floor too.
    const head = Math.max(...Array.from(header[c]).map((ch) => r.width(ch)));
    return Math.max(w, Math.ceil(need + 2 * PAD), Math.ceil(head + 2 * PAD));
  });
  return widths;
}

/** Draws the payroll register for `data` into an empty document; returns the number of pages. */
export function drawRegister(doc: Pdf, data: ReportData): number {
  const r = new Register(doc, data);
  const items = data.itemNames ?? [];
  // With deductions (cw payroll --pdf) the register goes on after 应发合计: each deduction, 代扣合计, 实发.
  const deds = data.deductionNames ?? [];
  const dedCols = deds.length ? [...deds, '代扣合计', '实发'] : [];
  const dedOf = (w: WorkerLine): string[] => (w.payroll ? [...deds.map((d) => w.payroll!.deductions.find((x) => x.name === d)?.amount ?? ''), w.payroll.deductionTotal, w.payroll.net] : dedCols.map(() => ''));
  const dedSums = (ws: WorkerLine[]): string[] => {
    if (!deds.length) return [];
    const lines = ws.filter((w) => w.pay && w.payroll).map(dedOf);
    return dedCols.map((_, i) => sumText(lines.map((l) => l[i]).filter((a) => a !== '')));
  };
  const fixed = ['序号', '姓名', '岗位类别', '等级', '计龄(年)'];
  const header = [...fixed, ...items, '应发合计', ...dedCols, '领取人签字'];
  const nCols = header.length;
  const span = fixed.length;
  // Vertical rules: the frame, after the worker columns, before and after 应发合计, after 实发.
  const vRules = [0, span, span + items.length, span + items.length + 1, ...(deds.length ? [span + items.length + 1 + dedCols.length] : []), nCols];
  const all = groups(data.workers);

  // Every row's text, computed once: the columns are measured from it and it is drawn from it.
  let seq = 0;
  type Line = { kind: 'street' | 'community' | 'worker' | 'subtotal' | 'total'; cells: string[] };
  const streets: Line[][] = all.map((s) => {
    const lines: Line[] = [];
    for (const c of s.communities) {
      lines.push({ kind: 'community', cells: [c.community] });
      for (const w of c.workers) {
        seq++;
        if (!w.pay) continue;
        lines.push({ kind: 'worker', cells: [String(seq), w.name, w.post ?? '', String(w.pay.grade ?? '—'), String(w.pay.years), ...items.map((it) => money(amountOf(w, it))), money(w.pay.total), ...dedOf(w).map(money), ''] });
      }
      const cs = sums(c.workers, items);
      lines.push({ kind: 'subtotal', cells: [`${c.community}小计（${cs.count}人）`, ...cs.items.map(money), money(cs.total), ...dedSums(c.workers).map(money)] });
    }
    const street = s.communities.flatMap((c) => c.workers);
    const ss = sums(street, items);
    lines.push({ kind: 'total', cells: [`${s.county} ${s.street}合计（${ss.count}人）`, ...ss.items.map(money), money(ss.total), ...dedSums(street).map(money)] });
    return lines;
  });
  const gs = sums(data.workers, items);
  const grand = [`总计（${gs.count}人）`, ...gs.items.map(money), money(gs.total), ...dedSums(data.workers).map(money)];
  const workerCells = streets.flatMap((ls) => ls.filter((l) => l.kind === 'worker').map((l) => l.cells));
  const base = [20, 44, 58, 22, 26, ...items.map(() => (deds.length ? 40 : 50)), deds.length ? 48 : 56, ...dedCols.map(() => 38)];
  const widths = measureColumns(r, header, workerCells, base);
  // Sum rows' amounts must fit their columns too.
  for (const l of [...streets.flat().filter((x) => x.kind !== 'worker' && x.kind !== 'community'), { cells: grand }]) {
    l.cells.slice(1).forEach((t, i) => { widths[span + i] = Math.max(widths[span + i], Math.ceil(r.width(t) + 2 * PAD)); });
  }
  // The signature column takes what is left once every amount fits.
  widths.push(Math.max(30, r.right - r.x0 - widths.reduce((a, b) => a + b, 0)));
  r.edges = [r.x0];
  for (const w of widths) r.edges.push(r.edges[r.edges.length - 1] + w);
  const headLines = header.map((h, c) => r.widths.wrap(h, widths[c] - 2 * PAD, SIZE));
  const headH = Math.max(...headLines.map((l) => l.length)) * LINE + 3;

  titleBlock(r, data, ['金额单位：元；各项由 cwkit 政策引擎按上列政策逐人计算，每项四舍五入至分，合计为各项之和。', ...(deds.length ? [DEDUCTIONS_NOTE] : [])]);

  const drawHeader = () => {
    const top = r.y;
    r.rules.fillRect(FILL.th, r.edges[0], top, r.edges[nCols] - r.edges[0], headH);
    headLines.forEach((lines, c) => {
      const first = top + (headH - lines.length * LINE) / 2;
      lines.forEach((t, k) => r.cellText(t, r.edges[c], r.edges[c + 1], first + k * LINE, LINE, 'center'));
    });
    r.rowRules(top, headH, vRules);
    r.y += headH;
  };
  const spanRow = (text: string, fill: string | null) => {
    const top = r.y;
    if (fill) r.rules.fillRect(fill, r.edges[0], top, r.edges[nCols] - r.edges[0], ROW);
    r.cellText(text, r.edges[0], r.edges[nCols], top, ROW, 'left');
    r.rowRules(top, ROW, [0, nCols]);
    r.y += ROW;
  };
  const sumRow = (cells: string[], fill: string) => {
    const top = r.y;
    r.rules.fillRect(fill, r.edges[0], top, r.edges[nCols] - r.edges[0], ROW);
    r.cellText(cells[0], r.edges[0], r.edges[span], top, ROW, 'left');
    for (let i = 1; i < cells.length; i++) r.cellText(cells[i], r.edges[span + i - 1], r.edges[span + i], top, ROW, 'right');
    r.rowRules(top, ROW, vRules);
    r.y += ROW;
  };
  const workerRow = (cells: string[]) => {
    const top = r.y;
    for (let c = 0; c < cells.length; c++) r.cellText(cells[c], r.edges[c], r.edges[c + 1], top, ROW, c === 1 || c === 2 ? 'left' : 'right');
    r.rowRules(top, ROW, vRules);
    r.y += ROW;
  };

  all.forEach((s, i) => {
    const streetText = `${s.county}　${s.street}`;
    const tableHead = () => {
      r.rules.hLine(r.edges[0], r.edges[nCols], r.y);
      spanRow(streetText, FILL.group);
      drawHeader();
    };
    r.ensure(ROW + headH + 2 * ROW);
    tableHead();
    r.repeat = tableHead;
    for (const l of streets[i]) {
      r.ensure(ROW);
      if (l.kind === 'community') spanRow(l.cells[0], null);
      else if (l.kind === 'worker') workerRow(l.cells);
      else sumRow(l.cells, l.kind === 'subtotal' ? FILL.subtotal : FILL.total);
    }
    r.repeat = null;
    r.y += 8;
  });

  errorsSection(r, data.workers);

  // The grand total and the signatures stay together on one page.
  const signH = 14 + lineOf(9) + 10 + lineOf(9);
  r.ensure(6 + headH + ROW + signH);
  r.y += 6;
  r.rules.hLine(r.edges[0], r.edges[nCols], r.y);
  const everyColumn = Array.from({ length: nCols + 1 }, (_, k) => k);
  const gridHeader = () => {
    const top = r.y;
    r.rules.fillRect(FILL.th, r.edges[0], top, r.edges[nCols] - r.edges[0], headH);
    headLines.forEach((lines, c) => {
      const first = top + (headH - lines.length * LINE) / 2;
      lines.forEach((t, k) => r.cellText(t, r.edges[c], r.edges[c + 1], first + k * LINE, LINE, 'center'));
    });
    r.rowRules(top, headH, everyColumn);
    r.y += headH;
  };
  gridHeader();
  {
    const top = r.y;
    r.rules.fillRect(FILL.total, r.edges[0], top, r.edges[nCols] - r.edges[0], ROW);
    r.cellText(grand[0], r.edges[0], r.edges[span], top, ROW, 'left');
    for (let i = 1; i < grand.length; i++) r.cellText(grand[i], r.edges[span + i - 1], r.edges[span + i], top, ROW, 'right');
    r.rowRules(top, ROW, [0, ...everyColumn.slice(span)]);
    r.y += ROW;
  }
  signatures(r);
  r.rules.flush(doc, 0.5, RULE);
  return r.pages;
}

/** Title, the 地区/单位 and 期间 line, 政策依据, and the notes (first page). */
function titleBlock(r: Register, data: ReportData, extra: string[]): void {
  const w = r.right - r.x0;
  // Centred on its width without spacing, where pdfmake puts it (its characterSpacing does not reach the page).
  r.rules.text(data.title, r.x0 + (w - r.width(data.title, 16)) / 2, r.y, 16);
  r.y += lineOf(16) + 6;
  const left = `地区：${data.jurisdiction}　　单位：${data.unit}`;
  const rightText = `期间：${data.periodText}（计算日期 ${data.asOf}）`;
  r.rules.text(left, r.x0, r.y + 1, 8.5);
  r.rules.text(rightText, r.right - r.width(rightText, 8.5), r.y + 1, 8.5);
  r.y += lineOf(8.5) + 2;
  for (const line of r.widths.wrap(`政策依据：${policyLine(data)}`, w, 8.5)) {
    r.rules.text(line, r.x0, r.y + 1, 8.5);
    r.y += lineOf(8.5) + 2;
  }
  r.y += 4;
  for (const n of [...data.notes, ...extra]) {
    for (const line of r.widths.wrap(`注：${n}`, w, 7.5)) {
      r.rules.text(line, r.x0, r.y, 7.5, '#444444');
      r.y += lineOf(7.5);
    }
    r.y += 2;
  }
}

/** 未能核算的职工: row number, place, name and the engine's reason, every rule drawn. */
function errorsSection(r: Register, workers: WorkerLine[]): void {
  const bad = workers.filter((w) => !w.pay);
  if (!bad.length) return;
  const saved = r.edges;
  const w = r.right - r.x0;
  const widths = [30, 120, 50, w - 200];
  r.edges = [r.x0, r.x0 + 30, r.x0 + 150, r.x0 + 200, r.right];
  const all = [0, 1, 2, 3, 4];
  r.ensure(8 + lineOf(10.5) + 3 + 2 * ROW);
  r.y += 8;
  r.rules.text(`未能核算的职工（${bad.length}人，不计入上表合计）`, r.x0, r.y, 10.5);
  r.y += lineOf(10.5) + 3;
  const head = () => {
    r.rules.hLine(r.edges[0], r.edges[4], r.y);
    const top = r.y;
    r.rules.fillRect(FILL.th, r.edges[0], top, w, ROW);
    ['行号', '区县 街道 社区', '姓名', '原因（请更正花名册后重新生成）'].forEach((t, c) => r.cellText(t, r.edges[c], r.edges[c + 1], top, ROW, 'center'));
    r.rowRules(top, ROW, all);
    r.y += ROW;
  };
  head();
  r.repeat = head;
  for (const b of bad) {
    const place = [b.county, b.street, b.community].filter(Boolean).join(' ');
    const cols = [[String(b.row)], r.widths.wrap(place, widths[1] - 2 * PAD, SIZE), r.widths.wrap(b.name, widths[2] - 2 * PAD, SIZE), r.widths.wrap(b.error ?? '', widths[3] - 2 * PAD, SIZE)];
    const h = Math.max(...cols.map((c) => c.length)) * LINE + 3;
    r.ensure(h);
    const top = r.y;
    cols.forEach((lines, c) => lines.forEach((t, k) => r.cellText(t, r.edges[c], r.edges[c + 1], top + 1.5 + k * LINE, LINE, c === 0 ? 'right' : 'left')));
    r.rowRules(top, h, all);
    r.y += h;
  }
  r.repeat = null;
  r.edges = saved;
}

/** 制表人 / 审核人 / 负责人 / 日期, and （单位盖章） under them. */
function signatures(r: Register): void {
  r.y += 14;
  const w = (r.right - r.x0) / 4;
  ['制表人：＿＿＿＿＿＿＿＿', '审核人：＿＿＿＿＿＿＿＿', '负责人：＿＿＿＿＿＿＿＿', '日期：＿＿＿＿年＿＿月＿＿日'].forEach((t, i) => r.rules.text(t, r.x0 + i * w, r.y + 1, 9));
  r.y += lineOf(9) + 10;
  const seal = '（单位盖章）';
  r.rules.text(seal, r.right - 40 - r.width(seal, 9), r.y, 9);
  r.y += 12;
}

/** Writes 第 N 页 / 共 M 页 at the foot of every page, once the page count is known. */
export function pageNumbers(doc: Pdf, bottomMargin: number = MARGIN.bottom): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const text = `第 ${i - start + 1} 页 / 共 ${count} 页`;
    doc.fontSize(8).fillColor('#000000');
    const w = doc.widthOfString(text);
    // Below the bottom margin: PDFKit would start a new page for text there unless told not to wrap.
    doc.text(text, (doc.page.width - w) / 2, doc.page.height - bottomMargin + 10, { lineBreak: false });
  }
}

export { MARGIN as REGISTER_MARGINS };

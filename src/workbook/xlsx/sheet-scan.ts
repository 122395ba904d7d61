/**
 * Reads a worksheet part's cells as its text streams in (ECMA-376 §18.3): rows and cells found
 * with indexOf, only the attributes a value needs (r, t, s) read, no object per XML node. Values
 * come out as the exceljs-based reader gave them: shared and inline strings as text (phonetic
 * runs left out), numbers in a date style as whole-day 1900-system serials, formula cells as
 * their cached result, booleans as booleans, errors as their text. Cells and rows without the
 * optional `r` attribute follow the one before. Merged ranges are collected too.
 */
import type { Cell } from '../../engine/roster/types';
import { attrOf, runsText, xmlDecode } from './xml';

/** A merged range: 1-based sheet rows and columns, corners included (`A2:A6` → {top 2, left 1, bottom 6, right 1}), as the engine's SheetGrid.merges. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A worksheet as read: non-blank rows, their sheet row numbers, and its merged ranges. */
export interface ScannedSheet {
  rows: Cell[][];
  rowNumbers: number[];
  merges: MergeRange[];
}

/** Excel's 1904 date system starts 1,462 days after the 1900 one. */
const DAYS_1904 = 1462;

/** 0-based column of an A1 reference's letters; -1 when it has none. */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

/** 1-based row of an A1 reference (`B12` → 12); 0 when it has none. */
function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  return Number(ref.slice(i)) || 0;
}

/** A `<mergeCell ref="A1:C3"/>` range, or null when the reference is not a range. */
export function mergeOf(ref: string): MergeRange | null {
  const [a, b = a] = ref.replace(/\$/g, '').toUpperCase().split(':');
  const top = rowOf(a);
  const bottom = rowOf(b);
  const left = columnOf(a);
  const right = columnOf(b);
  if (!top || !bottom || left < 0 || right < 0) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right) + 1, bottom: Math.max(top, bottom), right: Math.max(left, right) + 1 };
}

const isTagEnd = (k: number) => k === 32 || k === 62 || k === 47 || k === 9 || k === 10 || k === 13;

/** Scans one worksheet part fed as text pieces in order; `result()` after the last. */
export class SheetScanner {
  private readonly out: ScannedSheet = { rows: [], rowNumbers: [], merges: [] };
  private carry = '';
  private state: 'before' | 'data' | 'after' = 'before';
  private tail = '';
  private rowNo = 0;
  private readonly rowOpen: string;
  private readonly rowClose: string;
  private readonly cOpen: string;
  private readonly cClose: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly fOpen: string;
  private readonly isOpen: string;
  private readonly isClose: string;

  /** `p` is the part's namespace prefix ('' or 'x:'); `dates[s]` says whether style s is a date format. */
  constructor(private readonly p: string, private readonly strings: string[], private readonly dates: boolean[], private readonly date1904: boolean) {
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.cOpen = `<${p}c`;
    this.cClose = `</${p}c>`;
    this.vOpen = `<${p}v`;
    this.vClose = `</${p}v>`;
    this.fOpen = `<${p}f`;
    this.isOpen = `<${p}is>`;
    this.isClose = `</${p}is>`;
  }

  /** Rows read so far. */
  get rowCount(): number {
    return this.out.rows.length;
  }

  /** The next piece of the part's text. */
  feed(text: string): void {
    let s = this.carry + text;
    this.carry = '';
    if (this.state === 'before') {
      const open = `<${this.p}sheetData`;
      const i = s.indexOf(open);
      if (i < 0) {
        this.carry = s.slice(-open.length); // the tag may be cut at the piece's end
        return;
      }
      const gt = s.indexOf('>', i);
      if (gt < 0) {
        this.carry = s.slice(i);
        return;
      }
      this.state = s.charCodeAt(gt - 1) === 47 ? 'after' : 'data';
      s = s.slice(gt + 1);
    }
    if (this.state === 'data') {
      const close = `</${this.p}sheetData>`;
      const endData = s.indexOf(close);
      let limit = endData;
      if (endData < 0) {
        const last = s.lastIndexOf(this.rowClose);
        if (last < 0) {
          this.carry = s;
          return;
        }
        limit = last + this.rowClose.length;
      }
      this.scanRows(s, limit);
      if (endData < 0) {
        this.carry = s.slice(limit);
        return;
      }
      this.state = 'after';
      s = s.slice(endData + close.length);
    }
    this.tail += s;
  }

  /** The sheet, once every piece is fed. */
  result(): ScannedSheet {
    const p = this.p;
    const open = `<${p}mergeCell`;
    for (let i = this.tail.indexOf(open); i >= 0; i = this.tail.indexOf(open, i + open.length)) {
      if (!isTagEnd(this.tail.charCodeAt(i + open.length))) continue;
      const gt = this.tail.indexOf('>', i);
      const ref = attrOf(this.tail.slice(i + open.length, gt < 0 ? undefined : gt), 'ref');
      const m = ref ? mergeOf(ref) : null;
      if (m) this.out.merges.push(m);
    }
    return this.out;
  }

  /** Reads every row that starts before `limit` (rows there are complete). */
  private scanRows(s: string, limit: number): void {
    const open = this.rowOpen;
    for (let i = s.indexOf(open); i >= 0 && i < limit; ) {
      if (!isTagEnd(s.charCodeAt(i + open.length))) {
        i = s.indexOf(open, i + 1);
        continue;
      }
      const gt = s.indexOf('>', i);
      const r = attrOf(s.slice(i + open.length, gt), 'r');
      this.rowNo = r ? Number(r) : this.rowNo + 1;
      if (s.charCodeAt(gt - 1) === 47) {
        i = s.indexOf(open, gt);
        continue;
      }
      const end = s.indexOf(this.rowClose, gt);
      this.scanCells(s, gt + 1, end);
      i = s.indexOf(open, end);
    }
  }

  private scanCells(s: string, from: number, end: number): void {
    const cells: Cell[] = [];
    let any = false;
    let col = -1;
    const open = this.cOpen;
    for (let j = s.indexOf(open, from); j >= 0 && j < end; ) {
      if (!isTagEnd(s.charCodeAt(j + open.length))) {
        j = s.indexOf(open, j + 1);
        continue;
      }
      const gt = s.indexOf('>', j);
      const tag = s.slice(j + open.length, gt);
      const ref = attrOf(tag, 'r');
      col = ref ? columnOf(ref) : col + 1;
      let next = gt + 1;
      let value: Cell = null;
      if (s.charCodeAt(gt - 1) !== 47) {
        const cEnd = s.indexOf(this.cClose, gt);
        next = cEnd + this.cClose.length;
        value = this.valueOf(s, gt + 1, cEnd, tag);
      }
      if (value !== null && col >= 0) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
        if (value !== '') any = true;
      }
      j = s.indexOf(open, next);
    }
    if (!any) return;
    this.out.rows.push(cells);
    this.out.rowNumbers.push(this.rowNo);
  }

  private valueOf(s: string, from: number, to: number, tag: string): Cell {
    const t = attrOf(tag, 't');
    if (t === 'inlineStr') {
      const i = s.indexOf(this.isOpen, from);
      if (i < 0 || i > to) return null;
      const e = s.indexOf(this.isClose, i);
      return runsText(s.slice(i + this.isOpen.length, e < 0 || e > to ? to : e), this.p);
    }
    let v = s.indexOf(this.vOpen, from);
    while (v >= 0 && v < to && !isTagEnd(s.charCodeAt(v + this.vOpen.length))) v = s.indexOf(this.vOpen, v + 1);
    if (v < 0 || v >= to) return null;
    const gt = s.indexOf('>', v);
    if (s.charCodeAt(gt - 1) === 47) return null; // <v/>
    const ve = s.indexOf(this.vClose, gt);
    const raw = s.slice(gt + 1, ve < 0 || ve > to ? to : ve);
    if (t === 's') return this.strings[Number(raw)] ?? '';
    if (t === 'str' || t === 'e') return xmlDecode(raw);
    if (t === 'b') return Number(raw) !== 0;
    const n = Number(raw);
    if (raw.trim() === '' || Number.isNaN(n)) return xmlDecode(raw);
    const st = attrOf(tag, 's');
    if (st !== null && this.dates[Number(st)] && !this.hasFormula(s, from, to)) return Math.floor(n + (this.date1904 ? DAYS_1904 : 0) + 1e-9);
    return n;
  }

  /** Whether the cell content holds a formula (exceljs leaves a formula's date result a number). */
  private hasFormula(s: string, from: number, to: number): boolean {
    const f = s.indexOf(this.fOpen, from);
    return f >= 0 && f < to && isTagEnd(s.charCodeAt(f + this.fOpen.length));
  }
}

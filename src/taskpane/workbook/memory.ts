/**
 * An in-memory workbook behind the same port as Excel: sheets of plain cells, per-cell fills, a
 * selection, an active sheet and a settings map. Used by unit tests and by the browser workbench,
 * which renders it as a grid next to the real task pane (and exposes it to the browser tests).
 */
import type { Cell } from '../../engine';
import { abortError, beforeAt, compactFills, recordCount, sameColor, SETTING, uniqueSheetName } from './port';
import type { FillState, HighlightRecord, NewSheet, ReadOptions, RowMark, SheetRead, WorkbookPort } from './port';
import type { ReportSheet } from '../../reports/sheet/types';

/** How the workbench shows a column's numbers. */
export type ColumnFormat = 'date' | 'text' | null;

/** One sheet: rows of cells (index 0 is sheet row 1), fills, formats. */
export interface MemorySheet {
  name: string;
  cells: Cell[][];
  /** Fill per 0-based row, per 0-based column (missing: no fill). */
  fills: Map<number, FillState[]>;
  columnFormats: ColumnFormat[];
  /** Rows (from the top) shown bold and frozen. */
  boldRows: number;
  /** A report sheet's layout and page setup, as written by addReportSheet (the tests read it). */
  report?: Omit<ReportSheet, 'rows' | 'name'>;
}

/** A sheet to start with. */
export interface SheetInit {
  name: string;
  rows: Cell[][];
  columnFormats?: ColumnFormat[];
  boldRows?: number;
}

/** Rows per chunk when reading (the same as the Office adapter's default, so progress looks alike). */
const CHUNK = 5000;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = 'memory' as const;
  readonly sheets: MemorySheet[] = [];
  /** Settings as JSON text, as a workbook stores them. */
  readonly settings = new Map<string, string>();
  active: string | null = null;
  /** The selected row: sheet, 1-based row, and columns selected (A..). */
  selection: { sheet: string; row: number; columns: number } | null = null;
  /** Bumped on every change (the workbench re-renders on it). */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(sheets: SheetInit[] = []) {
    for (const s of sheets) this.sheets.push(MemoryWorkbook.sheetOf(s));
    this.active = this.sheets[0]?.name ?? null;
  }

  private static sheetOf(s: SheetInit): MemorySheet {
    return { name: s.name, cells: s.rows.map((r) => r.slice()), fills: new Map(), columnFormats: s.columnFormats ?? [], boldRows: s.boldRows ?? 0 };
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** The sheet of that name (Excel's case-insensitive match), or an error naming it. */
  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`工作表“${name}”不存在。`);
    return s;
  }

  /** The value of a cell (1-based row, 0-based column). */
  cell(sheet: string, row: number, col: number): Cell {
    return this.sheet(sheet).cells[row - 1]?.[col] ?? null;
  }

  /** Sets a cell, as a clerk typing would. */
  setCell(sheet: string, row: number, col: number, value: Cell): void {
    const s = this.sheet(sheet);
    while (s.cells.length < row) s.cells.push([]);
    const r = s.cells[row - 1];
    while (r.length < col) r.push(null);
    r[col] = value;
    this.changed();
  }

  /** A cell's fill (1-based row, 0-based column). */
  fillAt(sheet: string, row: number, col: number): FillState {
    return this.sheet(sheet).fills.get(row - 1)?.[col] ?? null;
  }

  /** Fills a cell, as a clerk formatting it would (null: no fill). */
  setFill(sheet: string, row: number, col: number, color: FillState): void {
    const s = this.sheet(sheet);
    const f = s.fills.get(row - 1) ?? [];
    while (f.length <= col) f.push(null);
    f[col] = color;
    s.fills.set(row - 1, f);
    this.changed();
  }

  /** Columns from A to the last used column. */
  width(sheet: MemorySheet): number {
    let w = 0;
    for (const r of sheet.cells) {
      for (let c = r.length - 1; c >= w; c--) {
        if (r[c] !== null && r[c] !== undefined && r[c] !== '') {
          w = c + 1;
          break;
        }
      }
    }
    return w;
  }

  private height(sheet: MemorySheet): number {
    for (let i = sheet.cells.length - 1; i >= 0; i--) if (sheet.cells[i].some((v) => v !== null && v !== undefined && v !== '')) return i + 1;
    return 0;
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<SheetRead> {
    const s = this.sheet(name);
    const columnCount = this.width(s);
    const rowCount = this.height(s);
    const last = options.maxRows === undefined ? rowCount : Math.min(rowCount, options.maxRows);
    const rows: Cell[][] = [];
    const rowNumbers: number[] = [];
    for (let start = 0; start < last; start += CHUNK) {
      if (options.signal?.aborted) throw abortError('已取消读取。');
      const end = Math.min(last, start + CHUNK);
      for (let i = start; i < end; i++) {
        const src = s.cells[i] ?? [];
        const row: Cell[] = new Array(columnCount);
        let any = false;
        for (let c = 0; c < columnCount; c++) {
          const v = src[c];
          row[c] = v === undefined || v === '' ? null : v;
          if (row[c] !== null) any = true;
        }
        if (!any) continue;
        rows.push(row);
        rowNumbers.push(i + 1);
      }
      options.onRows?.(end, last);
      if (end < last) await tick();
    }
    if (last === 0) options.onRows?.(0, 0);
    return { name: s.name, rows, rowNumbers, columnCount, rowCount };
  }

  async addSheet(baseName: string, content: NewSheet): Promise<string> {
    const name = uniqueSheetName(baseName, this.sheets.map((s) => s.name));
    const formats: ColumnFormat[] = [];
    for (const c of content.textColumns ?? []) formats[c] = 'text';
    const sheet = MemoryWorkbook.sheetOf({ name, rows: content.rows, columnFormats: formats, boldRows: content.boldRows ?? 0 });
    for (const [row, color] of Object.entries(content.rowFills ?? {})) {
      const width = Math.max(1, content.rows[Number(row) - 1]?.length ?? 1);
      sheet.fills.set(Number(row) - 1, new Array(width).fill(color));
    }
    this.sheets.push(sheet);
    this.active = name;
    this.changed();
    return name;
  }

  async addReportSheet(report: ReportSheet): Promise<string> {
    const name = uniqueSheetName(report.name, this.sheets.map((s) => s.name));
    const formats: ColumnFormat[] = [];
    for (const c of report.textColumns) formats[c] = 'text';
    const sheet = MemoryWorkbook.sheetOf({ name, rows: report.rows, columnFormats: formats });
    const { rows: _rows, name: _name, ...layout } = report;
    sheet.report = JSON.parse(JSON.stringify(layout));
    this.sheets.push(sheet);
    this.active = name;
    this.changed();
    return name;
  }

  async activateSheet(name: string): Promise<void> {
    this.active = this.sheet(name).name;
    this.changed();
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    const s = this.sheet(sheet);
    this.active = s.name;
    this.selection = { sheet: s.name, row, columns: Math.max(1, this.width(s)) };
    this.changed();
  }

  private async record(): Promise<HighlightRecord | null> {
    const r = await this.getSetting<HighlightRecord>(SETTING.highlights);
    return r && r.v === 1 && Array.isArray(r.rows) ? r : null;
  }

  async highlightRows(marks: RowMark[]): Promise<number> {
    const record = (await this.record()) ?? { v: 1, rows: [] };
    const known = new Map(record.rows.map((e, i) => [`${e.sheet.toLowerCase()}\u0001${e.row}`, i]));
    let n = 0;
    for (const m of marks) {
      const s = this.sheet(m.sheet);
      const width = Math.max(1, this.width(s));
      const key = `${s.name.toLowerCase()}\u0001${m.row}`;
      const fills = s.fills.get(m.row - 1) ?? [];
      const at = known.get(key);
      if (at === undefined) {
        // First highlight of this row: remember what it had.
        const before = Array.from({ length: width }, (_, c) => fills[c] ?? null);
        known.set(key, record.rows.length);
        record.rows.push({ sheet: s.name, row: m.row, width, color: m.color, before: compactFills(before) });
      } else {
        // Highlighted again (perhaps in another colour): the original fill stays the one to restore.
        record.rows[at].color = m.color;
      }
      const next = fills.slice();
      for (let c = 0; c < width; c++) next[c] = m.color;
      s.fills.set(m.row - 1, next);
      n++;
    }
    await this.setSetting(SETTING.highlights, record);
    this.changed();
    return n;
  }

  async clearHighlights(): Promise<number> {
    const record = await this.record();
    if (!record) return 0;
    let n = 0;
    for (const e of record.rows) {
      const s = this.sheets.find((x) => x.name.toLowerCase() === e.sheet.toLowerCase());
      if (!s) continue;
      const fills = (s.fills.get(e.row - 1) ?? []).slice();
      let touched = false;
      for (let c = 0; c < e.width; c++) {
        // A cell the clerk has since filled differently keeps the clerk's fill.
        if (!sameColor(fills[c] ?? null, e.color)) continue;
        fills[c] = beforeAt(e, c);
        touched = true;
      }
      if (touched) n++;
      if (fills.every((f) => f === null || f === undefined)) s.fills.delete(e.row - 1);
      else s.fills.set(e.row - 1, fills);
    }
    await this.setSetting(SETTING.highlights, null);
    this.changed();
    return n;
  }

  async highlightCount(): Promise<number> {
    return recordCount(await this.record());
  }

  async getSetting<T = unknown>(key: string): Promise<T | null> {
    const v = this.settings.get(key);
    return v === undefined ? null : (JSON.parse(v) as T);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    if (value === null || value === undefined) this.settings.delete(key);
    else this.settings.set(key, JSON.stringify(value));
  }
}

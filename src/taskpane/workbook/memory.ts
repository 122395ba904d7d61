/**
 * An in-memory workbook behind the same port as Excel: sheets of plain cells, per-cell fills, a
 * selection, an active sheet, a settings map, and cwkit's marks as a separate layer keyed to the
 * worker (marks.ts), which {@link MemoryWorkbook.markAt} shows over the grid as Excel shows a
 * conditional format: the clerk's fills are never touched. Used by unit tests and by the browser workbench,
 * which renders it as a grid next to the real task pane (and exposes it to the browser tests).
 */
import type { MergeRange, Cell } from '../../engine';
import { abortError, HIGHLIGHT, SETTING, uniqueSheetName } from './port';
import type { FillState, NewSheet, ReadOptions, RowMark, SheetRead, WorkbookPort } from './port';
import { keyOf, markRecordOf, textOf } from './marks';
import type { MarkKey, MarkRecord } from './marks';
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
  /** Merged ranges (1-based sheet rows and columns), as Excel keeps them. */
  merges?: MergeRange[];
}

/** A sheet to start with. */
export interface SheetInit {
  name: string;
  rows: Cell[][];
  columnFormats?: ColumnFormat[];
  boldRows?: number;
  /** Merged ranges (1-based sheet rows and columns): the value is in the top-left cell. */
  merges?: MergeRange[];
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
  /** cwkit's marks: a layer over the grid, keyed to the worker, never written into the cells or their fills. */
  private marks: Array<{ sheet: MemorySheet; color: string; key: MarkKey }> = [];
  private readonly markCache = new Map<MemorySheet, { version: number; groups: Array<{ columns: number[]; colors: Map<string, string> }> }>();
  private readonly listeners = new Set<() => void>();

  constructor(sheets: SheetInit[] = []) {
    for (const s of sheets) this.sheets.push(MemoryWorkbook.sheetOf(s));
    this.active = this.sheets[0]?.name ?? null;
  }

  private static sheetOf(s: SheetInit): MemorySheet {
    const sheet: MemorySheet = { name: s.name, cells: s.rows.map((r) => r.slice()), fills: new Map(), columnFormats: s.columnFormats ?? [], boldRows: s.boldRows ?? 0 };
    if (s.merges?.length) sheet.merges = s.merges.map((x) => ({ ...x }));
    return sheet;
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
    const read: SheetRead = { name: s.name, rows, rowNumbers, columnCount, rowCount };
    if (s.merges?.length) read.merges = s.merges.map((x) => ({ ...x }));
    return read;
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

  /** The colour of cwkit's mark over a row now (1-based), or null: errors win over warnings, as in Excel. */
  markAt(sheet: string, row: number): FillState {
    const s = this.sheet(sheet);
    let cache = this.markCache.get(s);
    if (!cache || cache.version !== this.version) {
      const groups = new Map<string, { columns: number[]; colors: Map<string, string> }>();
      for (const m of this.marks) {
        if (m.sheet !== s) continue;
        const id = m.key.columns.join(',');
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { columns: m.key.columns, colors: new Map() }));
        const k = m.key.text.toLowerCase();
        if (g.colors.get(k) !== HIGHLIGHT.error) g.colors.set(k, m.color);
      }
      this.markCache.set(s, (cache = { version: this.version, groups: [...groups.values()] }));
    }
    const cells = s.cells[row - 1] ?? [];
    let found: string | null = null;
    for (const g of cache.groups) {
      const c = g.colors.get(textOf(cells, g.columns).toLowerCase());
      if (c === HIGHLIGHT.error) return c;
      if (c) found = c;
    }
    return found;
  }

  /** The clerk sorts rows `first`..`last` (1-based) by a column: cells and fills move with their rows. */
  sortRows(sheet: string, first: number, last: number, byColumn: number, descending = false): void {
    const s = this.sheet(sheet);
    const order = Array.from({ length: last - first + 1 }, (_, i) => first - 1 + i);
    const value = (r: number) => String(s.cells[r]?.[byColumn] ?? '');
    order.sort((a, b) => (descending ? -1 : 1) * value(a).localeCompare(value(b)));
    const cells = order.map((r) => s.cells[r] ?? []);
    const fills = order.map((r) => s.fills.get(r));
    cells.forEach((row, i) => {
      s.cells[first - 1 + i] = row;
      const f = fills[i];
      if (f) s.fills.set(first - 1 + i, f);
      else s.fills.delete(first - 1 + i);
    });
    this.changed();
  }

  /** The clerk inserts `count` columns before column `at` (0-based): cells, fills and formats move right, and so do the marks' key columns (as Excel shifts a formula's references). */
  insertColumns(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    const blank = () => new Array<null>(count).fill(null);
    for (const row of s.cells) if (row.length > at) row.splice(at, 0, ...blank());
    for (const f of s.fills.values()) if (f.length > at) f.splice(at, 0, ...blank());
    if (s.columnFormats.length > at) s.columnFormats.splice(at, 0, ...blank());
    for (const m of this.marks) if (m.sheet === s) m.key = { ...m.key, columns: m.key.columns.map((c) => (c >= at ? c + count : c)) };
    this.changed();
  }

  /** The clerk renames a sheet (marks stay on it). */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (this.active === s.name) this.active = to;
    if (this.selection?.sheet === s.name) this.selection = { ...this.selection, sheet: to };
    s.name = to;
    this.changed();
  }

  async highlightRows(marks: RowMark[]): Promise<number> {
    // Replaces the earlier marks; the cells and their fills are not touched.
    this.marks = marks.map((m) => {
      const s = this.sheet(m.sheet);
      return { sheet: s, color: m.color, key: keyOf(s.cells[m.row - 1] ?? [], Math.max(1, this.width(s)), m.keyColumn) };
    });
    const record: MarkRecord = { v: 2, rows: this.marks.length };
    await this.setSetting(SETTING.highlights, record);
    this.changed();
    return this.marks.length;
  }

  async clearHighlights(): Promise<number> {
    const n = markRecordOf(await this.getSetting(SETTING.highlights))?.rows ?? 0;
    this.marks = [];
    await this.setSetting(SETTING.highlights, null);
    this.changed();
    return n;
  }

  async highlightCount(): Promise<number> {
    return markRecordOf(await this.getSetting(SETTING.highlights))?.rows ?? 0;
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

/**
 * The one small port through which the task pane touches a workbook: read a sheet's cells, add a
 * new sheet, add a print-ready report sheet, activate a sheet, select a row, highlight rows and
 * clear the highlights, and keep settings in the workbook. Adapters: Office.js (office.ts) and an
 * in-memory workbook (memory.ts) for tests and the browser workbench. The pane never sees which.
 *
 * Contract every adapter keeps: rows are 1-based sheet rows, columns 0-based from A; a new sheet
 * (addSheet, addReportSheet) never writes into an existing sheet — it takes `name`, `name(2)` …;
 * text that would read as a formula is written as text; highlights are conditional formats keyed
 * to the worker (marks.ts) that never read or write a cell's own fill, and clearHighlights deletes
 * only those; settings are JSON kept in the workbook.
 */
import type { Cell, SheetGrid } from '../../engine';
import type { ReportSheet } from '../../reports/sheet/types';

/** Options of {@link WorkbookPort.readSheet}. */
export interface ReadOptions {
  /** Read at most this many rows from the top of the used range (e.g. 20 to find a header row). */
  maxRows?: number;
  /** Called after each chunk: rows read so far of the rows to read. */
  onRows?: (done: number, total: number) => void;
  /** Set `aborted` to stop between chunks (the read then rejects with an AbortError). */
  signal?: { readonly aborted: boolean };
}

/** A sheet as read: cells row by row (blank rows skipped), with each row's 1-based sheet row. */
export interface SheetRead extends SheetGrid {
  rowNumbers: number[];
  /** Columns from A to the last used column. */
  columnCount: number;
  /** Rows from row 1 to the last used row. */
  rowCount: number;
}

/** A new sheet's content. */
export interface NewSheet {
  rows: Cell[][];
  /** The first `boldRows` rows are bold and frozen (a title and the header). */
  boldRows?: number;
  /** 0-based columns written as text (resident IDs, codes), so Excel does not turn them into numbers. */
  textColumns?: number[];
  /** Fill per 1-based row of the new sheet (e.g. the required rows of a 参数表). */
  rowFills?: Record<number, string>;
}

/** A row to highlight. */
export interface RowMark {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** #RRGGBB */
  color: string;
  /**
   * The 0-based column of the worker's 身份证号 on this sheet: the mark follows that value through a
   * sort. Without it (or when the cell is blank) the row's whole text is the key (marks.ts).
   */
  keyColumn?: number;
}

/** A cell's fill as saved before highlighting: #RRGGBB, or null for no fill. */
export type FillState = string | null;

/**
 * What highlights of cwkit 0.x changed (they painted fills): a workbook marked then still has this
 * record, and clearing restores those fills. New marks are conditional formats (marks.ts).
 */
export interface HighlightRecord {
  v: 1;
  rows: Array<{
    sheet: string;
    row: number;
    /** Columns A.. that were filled. */
    width: number;
    color: string;
    /** The fills before: one value for the whole row, or one per cell. */
    before: FillState | FillState[];
  }>;
}

/** The workbook port. Rows are 1-based sheet rows, as Excel shows them. */
export interface WorkbookPort {
  readonly kind: 'office' | 'memory' | 'wps';
  /** Sheet names in tab order. */
  sheetNames(): Promise<string[]>;
  /** The used cells of a sheet. Large sheets are read in chunks. */
  readSheet(name: string, options?: ReadOptions): Promise<SheetRead>;
  /** Adds a sheet named `baseName`, or `baseName(2)`, `(3)` … when taken; returns the name used. Never writes into an existing sheet. */
  addSheet(baseName: string, content: NewSheet): Promise<string>;
  /**
   * Adds a report as a print-ready sheet (src/reports/sheet): its values, merges, column widths,
   * row styles, and page setup — A4, orientation, one page wide, repeated title rows, the
   * “第 &P 页 / 共 &N 页” footer. A new sheet named as {@link addSheet} names it; returns the name.
   * Optional: an adapter whose host cannot set page layout leaves it out, and the pane then offers
   * no “write to sheet” button.
   */
  addReportSheet?(report: ReportSheet): Promise<string>;
  /** Shows a sheet. */
  activateSheet(name: string): Promise<void>;
  /** Shows the sheet and selects the used cells of one row. */
  selectRow(sheet: string, row: number): Promise<void>;
  /**
   * Marks rows (column A to the sheet's last used column) with conditional formats keyed to each
   * worker, replacing cwkit's earlier marks; the cells' own fills are never read or written.
   * Returns the rows marked.
   */
  highlightRows(marks: RowMark[]): Promise<number>;
  /** Deletes cwkit's marks (and nothing else). Returns the rows that were marked. */
  clearHighlights(): Promise<number>;
  /** Rows currently recorded as highlighted. */
  highlightCount(): Promise<number>;
  getSetting<T = unknown>(key: string): Promise<T | null>;
  /** Stores a JSON value in the workbook; null removes the key. */
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Settings keys the pane keeps in the workbook. */
export const SETTING = {
  policy: 'cwkit.policy',
  mapping: 'cwkit.mapping',
  highlights: 'cwkit.highlights',
} as const;

/** Highlight colours: Excel's own "Bad" and "Neutral" cell-style fills. */
export const HIGHLIGHT = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** An AbortError, as DOM APIs raise (the pane treats it as a cancel). */
export function abortError(message = '已取消。'): Error {
  const e = new Error(message);
  e.name = 'AbortError';
  return e;
}

const INVALID = /[\\/?*[\]:]/g;
const MAX_NAME = 31;

/**
 * A sheet name not yet taken (Excel compares names case-insensitively): `base`, then `base(2)`,
 * `base(3)` … Characters Excel forbids are replaced and the name kept within 31 characters.
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const clean = base.replace(INVALID, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const fit = (stem: string, suffix: string) => [...stem].slice(0, MAX_NAME - suffix.length).join('') + suffix;
  let name = fit(clean, '');
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = fit(clean, `(${i})`);
  return name;
}

/** Normalises a colour for comparison (#rrggbb → #RRGGBB; Excel may add or drop the #). */
export function sameColor(a: FillState | undefined, b: FillState | undefined): boolean {
  const n = (c: FillState | undefined) => (c ? c.replace(/^#?/, '#').toUpperCase() : null);
  return n(a) === n(b);
}

/** An older cwkit's record of painted fills, or null when the value is not one. */
export function legacyRecordOf(value: unknown): HighlightRecord | null {
  const r = value as HighlightRecord | null;
  return r && typeof r === 'object' && r.v === 1 && Array.isArray(r.rows) ? r : null;
}

/** Number of rows in a highlight record. */
export function recordCount(r: HighlightRecord | null): number {
  return r && Array.isArray(r.rows) ? r.rows.length : 0;
}

/** The fill a record says cell `c` had before. */
export function beforeAt(entry: HighlightRecord['rows'][number], c: number): FillState {
  return Array.isArray(entry.before) ? entry.before[c] ?? null : entry.before;
}

/** One value when every cell had the same fill, else the list (keeps the setting small). */
export function compactFills(fills: FillState[]): FillState | FillState[] {
  return fills.every((f) => sameColor(f, fills[0])) ? fills[0] ?? null : fills;
}

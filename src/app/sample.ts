/**
 * The sample roster as an in-memory workbook (the pane tests): templates/示例花名册.xlsx read in
 * Node, with where its deliberate breaks are, laid out as the workbook does — 职工 with its title in
 * row 1 and headers in row 2, then 社区 and 区县 — with date and resident-ID columns shown as Excel
 * shows them. (The app opens the .xlsx itself: see src/app/index.tsx.)
 */
import { detectRoster } from '../engine';
import type { Cell, SheetGrid } from '../engine';
import type { LocatedBreak } from '../sample/roster';
import { MemoryWorkbook } from '../taskpane/workbook/memory';
import type { ColumnFormat } from '../taskpane/workbook/memory';

/** One sheet of the sample, dense: rows[i] is sheet row i + 1. */
export interface SampleSheet {
  name: string;
  rows: Cell[][];
  columnFormats: ColumnFormat[];
  /** The header row (1-based); it and the rows above are shown bold. */
  boldRows: number;
}

/** The sample's sheets and breaks. */
export interface SampleData {
  file: string;
  asOf: string;
  sheets: SampleSheet[];
  breaks: LocatedBreak[];
}

/** Builds the sample from the workbook's sheets (in Node). */
export function sampleData(file: string, grids: SheetGrid[], asOf: string, breaks: LocatedBreak[], dateHeaders: ReadonlySet<string>, textHeaders: ReadonlySet<string>): SampleData {
  const detected = detectRoster(grids);
  const headerRowOf = (name: string) => {
    for (const t of [detected.roster?.workers, detected.roster?.communities, detected.roster?.counties]) if (t && t.sheet === name) return t.headerRow;
    return 0;
  };
  const sheets = grids.map((g): SampleSheet => {
    const rows: Cell[][] = [];
    g.rows.forEach((r, i) => {
      const n = g.rowNumbers ? g.rowNumbers[i] : i + 1;
      rows[n - 1] = r.map((c) => (c === undefined ? null : c));
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    const headerRow = headerRowOf(g.name);
    const headers = headerRow ? rows[headerRow - 1] : [];
    const columnFormats = headers.map((h): ColumnFormat => (dateHeaders.has(String(h)) ? 'date' : textHeaders.has(String(h)) ? 'text' : null));
    return { name: g.name, rows, columnFormats, boldRows: headerRow };
  });
  return { file, asOf, sheets, breaks };
}

/** A fresh in-memory workbook of the sample. */
export function workbookOf(data: SampleData): MemoryWorkbook {
  return new MemoryWorkbook(data.sheets.map((s) => ({ name: s.name, rows: s.rows, columnFormats: s.columnFormats, boldRows: s.boldRows })));
}

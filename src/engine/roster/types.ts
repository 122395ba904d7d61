/**
 * A roster as plain cell values, the way any front end can hand it over: Office.js `values`,
 * exceljs rows, or an in-memory copy. Dates are Excel serial numbers (1900 date system) or text.
 */
export type Cell = string | number | boolean | null;

/** One table of a roster: a header row and the data rows beneath it. */
export interface RosterTable {
  /** Sheet (or Excel table) name, for messages and for selecting a row. */
  sheet: string;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  headers: Cell[];
  /** Data rows in sheet order. */
  rows: Cell[][];
  /**
   * 1-based sheet row of each data row, when rows were skipped (blank rows). Without it,
   * `rows[i]` is sheet row `headerRow + 1 + i`.
   */
  rowNumbers?: number[];
}

/** A roster: the workers (required), the communities, and optionally county figures. */
export interface Roster {
  workers: RosterTable;
  communities?: RosterTable | null;
  /** 区县 table: a county's own population figures, which override the sums of its communities. */
  counties?: RosterTable | null;
}

/** The three kinds of table a roster has. */
export type TableKind = 'workers' | 'communities' | 'counties';

/** 1-based sheet row of data row `i` of a table. */
export function sheetRowOf(table: RosterTable, i: number): number {
  return table.rowNumbers ? table.rowNumbers[i] : table.headerRow + 1 + i;
}
